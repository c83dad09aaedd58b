-- Every other printed total of every table (계, 합계, 소계 rows and columns) against the parts the
-- table prints beside it, and every rate or difference whose header gives its formula in the
-- letters of other columns (징수율(C:B), 증감액(A-B)). A grand total is compared along its rows and
-- along its columns: two comparisons of one cell, told apart by direction.
with typed_comparisons as (
    -- Figures a typed rule already compares (a total on its line) are left to that rule.
{% for rule, kind in [('budget_parts', 'total_vs_parts'), ('pledge_periods', 'total_vs_parts'),
                      ('pledge_plan_total', 'total_vs_parts'), ('candidate_relations', 'total_vs_parts'),
                      ('revenue_subtotals', 'total_vs_parts'), ('settlement_identities', 'total_vs_parts'),
                      ('budget_change_amounts', 'difference_vs_formula'), ('budget_change_rates', 'rate_vs_formula')] %}
    select document_id, document_line, '{{ kind }}' as rule from {{ ref('int_discrepancy__' ~ rule) }}
    {% if not loop.last %}union{% endif %}
{% endfor %}
),

comparisons as (
    select
        case checked.rule
            when 'total_vs_parts' then 'table_total_vs_parts'
            when 'rate_vs_formula' then 'printed_rate_vs_amounts'
            else 'printed_change_vs_amounts'
        end as check_name,
        cell.government_code,
        checked.document_id,
        checked.document_id as other_document_id,
        'fct_table_cell' as fact_table,
        coalesce(cell.table_title, '표 ' || checked.table_index) || ': ' || cell.row_label || ' × ' || cell.column_label
            as subject,
        checked.printed_value as printed,
        {{ plain_decimal('checked.expected') }} || case checked.rule
            when 'total_vs_parts' then ' (' || checked.addends || '개 항목 합)'
            else ' (' || checked.total_label || '로 계산)'
        end as expected,
        cast(abs(checked.printed - checked.expected) as double) as difference,
        cast(checked.tolerance as double) as tolerance,
        checked.document_line,
        checked.column_index,
        checked.part,
        checked.direction,
        cast(split_part(checked.addend_lines, ',', 1) as integer) as other_line,
        case
            when checked.rule = 'total_vs_parts' and checked.direction = 'rows'
                then cell.column_label || '의 ' || checked.total_label || '(' || checked.document_line || '행)는 '
                    || checked.printed_value || '(으)로 적혀 있으나 그 아래 행(' || checked.addend_lines || '행)을 더하면 '
                    || {{ plain_decimal('checked.expected') }} || '. The rows do not add up to their printed total.'
            when checked.rule = 'total_vs_parts'
                then cell.row_label || ' 행(' || checked.document_line || '행)의 ' || checked.total_label || '는 '
                    || checked.printed_value || '(으)로 적혀 있으나 옆 열(' || checked.addend_columns || '열)을 더하면 '
                    || {{ plain_decimal('checked.expected') }} || '. The columns do not add up to their printed total.'
            else cell.row_label || ' 행(' || checked.document_line || '행)의 ' || checked.total_label || '는 '
                || checked.printed_value || '(으)로 적혀 있으나 머리글의 공식대로 계산하면 '
                || {{ plain_decimal('checked.expected') }} || '. The printed figure does not follow from the columns its header names.'
        end as explanation
    from {{ ref('stg_lake__table_checks') }} as checked
    inner join {{ ref('fct_table_cell') }} as cell
        on cell.document_id = checked.document_id and cell.document_line = checked.document_line
        and cell.column_index = checked.column_index and cell.part = checked.part
    where not exists (
        select 1 from typed_comparisons as typed
        where typed.document_id = checked.document_id and typed.document_line = checked.document_line
            and typed.rule = checked.rule)
)

select
    {{ surrogate_key(['check_name', 'document_id', 'document_line', 'column_index', 'part', 'direction']) }} as discrepancy_id,
    * exclude (column_index, part, direction),
    difference > tolerance as is_finding
from comparisons
