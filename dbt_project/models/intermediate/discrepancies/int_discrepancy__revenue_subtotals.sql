-- A revenue group's row (시세 소계, 주민세) against the items printed under it in the same column.
with revenue as (
    {{ with_printed_step('fct_revenue', 'unit', "statement_form = 'table' and amount_krw is not null") }}
),

comparisons as (
    select
        'subtotal_vs_items' as check_name,
        parent.government_code,
        parent.document_id,
        parent.document_id as other_document_id,
        'fct_revenue' as fact_table,
        parent.revenue_item || ' ' || parent.column_label as subject,
        {{ total_against_parts('parent', 'child', '세부 항목 합') }},
        parent.revenue_item || '의 ' || parent.column_label || ' 금액(' || parent.document_line
            || '행)이 그 아래 항목의 합과 다름. The items do not add up to their group.' as explanation
    from revenue as parent
    inner join revenue as child
        on child.document_id = parent.document_id and child.table_index = parent.table_index
        and child.column_label = parent.column_label and child.measure = parent.measure
        and child.parent_item = parent.revenue_item and child.document_line <> parent.document_line
    group by parent.government_code, parent.document_id, parent.revenue_item, parent.column_label,
        parent.printed_value, parent.amount_krw, parent.step_krw, parent.document_line
)

{{ comparisons_flagged(['check_name', 'document_id', 'other_document_id', 'subject', 'document_line', 'other_line']) }}
