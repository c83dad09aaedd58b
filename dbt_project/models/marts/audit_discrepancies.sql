-- Every place a filing contradicts itself, as a finding for auditors (recorded, never blocking).
-- Each rule below compares a printed figure with what it should be (`expected`); sums are
-- compared within the rounding their printed precision allows: n addends printed to a step u may
-- differ by up to n·u/2, so rounding is not reported.
with staffing as (
    select * from {{ ref('fct_staffing') }}
),

investments as (
    select *, {{ printed_precision_krw('printed_value', 'unit') }} as step_krw
    from {{ ref('fct_pledge_investment') }}
    where amount_krw is not null
),

budgets as (
    select *, {{ printed_precision_krw('printed_value', 'printed_unit') }} as step_krw
    from {{ ref('fct_department_budget') }}
),

finance as (
    select *, {{ printed_precision_krw('printed_value', 'printed_unit') }} as step_krw
    from {{ ref('fct_candidate_finance') }}
),

departments as (
    select * from {{ ref('dim_department') }}
),

revenue as (
    select *, {{ printed_precision_krw('printed_value', 'unit') }} as step_krw
    from {{ ref('fct_revenue') }}
    where statement_form = 'table' and amount_krw is not null
),

-- A revenue group's row (시세 소계, 주민세) against the items printed under it in the same column.
revenue_groups as (
    select
        'subtotal_vs_items' as check_name,
        parent.government_code,
        parent.document_id,
        'fct_revenue' as fact_table,
        parent.revenue_item || ' ' || parent.column_label as subject,
        parent.printed_value as printed,
        cast(sum(child.amount_krw) as varchar) || '원 (세부 항목 합)' as expected,
        cast(abs(parent.amount_krw - sum(child.amount_krw)) as double) as difference,
        (sum(child.step_krw) + parent.step_krw) / 2 as tolerance,
        parent.source_line,
        min(child.source_line) as other_line,
        parent.revenue_item || '의 ' || parent.column_label || ' 금액(' || parent.source_line
            || '행)이 그 아래 항목의 합과 다름. The items do not add up to their group.' as explanation
    from revenue as parent
    inner join revenue as child
        on child.document_id = parent.document_id and child.table_index = parent.table_index
        and child.column_label = parent.column_label and child.measure = parent.measure
        and child.parent_item = parent.revenue_item and child.source_line <> parent.source_line
    group by parent.government_code, parent.document_id, parent.revenue_item, parent.column_label,
        parent.printed_value, parent.amount_krw, parent.step_krw, parent.source_line
),

settlement as (
    select *, {{ printed_precision_krw('printed_value', 'printed_unit') }} as step_krw
    from {{ ref('fct_settlement') }}
),

-- 결산: 세입 − 세출 = 잉여금, and 잉여금 = 이월 (명시, 사고, 계속비) + 보조금 집행잔액 + 순세계잉여금.
settlement_years as (
    select
        government_code,
        document_id,
        fiscal_year,
        max(amount_krw) filter (where item = 'revenue') as revenue,
        max(amount_krw) filter (where item = 'expenditure') as expenditure,
        max(amount_krw) filter (where item = 'surplus') as surplus,
        sum(amount_krw) filter (where item in ('carryover_explicit', 'carryover_accident', 'carryover_continuing',
                                               'subsidy_unspent', 'net_surplus')) as surplus_parts,
        count(*) filter (where item in ('carryover_explicit', 'carryover_accident', 'carryover_continuing',
                                        'subsidy_unspent', 'net_surplus')) as part_count,
        max(step_krw) as step_krw,
        min(source_line) as source_line
    from settlement
    group by government_code, document_id, fiscal_year
),

settlement_identities as (
    select
        'settlement_identity' as check_name,
        government_code,
        document_id,
        'fct_settlement' as fact_table,
        fiscal_year || ' ' || identity as subject,
        cast(printed_side as varchar) || '원' as printed,
        cast(computed_side as varchar) || '원' as expected,
        cast(abs(printed_side - computed_side) as double) as difference,
        addends * step_krw / 2 as tolerance,
        source_line,
        source_line as other_line,
        fiscal_year || '년 결산에서 ' || identity || '이(가) 맞지 않음. The settlement does not balance.' as explanation
    from (
        select *, '잉여금 = 세입 − 세출' as identity, surplus as printed_side,
               revenue - expenditure as computed_side, 3 as addends
        from settlement_years
        union all
        select *, '잉여금 = 이월 + 집행잔액 + 순세계잉여금', surplus, surplus_parts, part_count + 1
        from settlement_years where part_count > 0
    ) as identities
    where printed_side is not null and computed_side is not null
),

-- The same headcount printed by two statements (the bureau table and the unit's own page).
staffing_statements as (
    select
        'same_quantity_two_statements' as check_name,
        a.government_code,
        a.document_id,
        'fct_staffing' as fact_table,
        a.org_unit || ' ' || a.grade || ' 정원(현원)' as subject,
        a.authorized || ' (' || a.current || ')' as printed,
        b.authorized || ' (' || b.current || ')' as expected,
        cast(abs(a.authorized - b.authorized) + abs(a.current - b.current) as double) as difference,
        0.0 as tolerance,
        a.source_line,
        b.source_line as other_line,
        a.org_unit || '의 ' || a.grade || ' 인원이 ' || a.statement || '(' || a.source_line || '행)에는 '
            || a.authorized || '(' || a.current || '), ' || b.statement || '(' || b.source_line || '행)에는 '
            || b.authorized || '(' || b.current || ')로 다르게 적혀 있음. The same staffing is printed two ways.'
            as explanation
    from staffing as a
    inner join staffing as b
        on a.government_code = b.government_code and a.org_unit = b.org_unit and a.grade = b.grade
        and a.as_of is not distinct from b.as_of and a.statement < b.statement
    where a.authorized <> b.authorized or a.current <> b.current
),

-- A unit's budget categories against its printed 계.
budget_parts as (
    select
        'parts_vs_printed_total' as check_name,
        total.government_code,
        total.document_id,
        'fct_department_budget' as fact_table,
        total.org_unit || ' ' || total.fiscal_year || ' 예산' as subject,
        total.printed_value as printed,
        cast(sum(part.amount_krw) as varchar) || '원 (항목 합)' as expected,
        cast(abs(total.amount_krw - sum(part.amount_krw)) as double) as difference,
        (sum(part.step_krw) + total.step_krw) / 2 as tolerance,
        total.source_line,
        min(part.source_line) as other_line,
        total.org_unit || ' ' || total.fiscal_year || '년 예산 계(' || total.source_line || '행)가 항목의 합과 다름. '
            || 'The categories do not add up to the printed total.' as explanation
    from budgets as total
    inner join budgets as part
        on part.document_id = total.document_id and part.org_unit = total.org_unit
        and part.fiscal_year = total.fiscal_year and part.category <> 'total'
    where total.category = 'total'
    group by total.government_code, total.document_id, total.org_unit, total.fiscal_year, total.printed_value,
        total.amount_krw, total.step_krw, total.source_line
),

-- A budget row's printed 증감 and 증감률 against its two years' amounts (sign errors included).
budget_rows as (
    select
        government_code,
        document_id,
        source_line,
        org_unit,
        category,
        any_value(printed_change) as printed_change,
        any_value(printed_change_pct) as printed_change_pct,
        any_value(printed_unit) as printed_unit,
        arg_max(amount_krw, fiscal_year) as amount_new,
        arg_min(amount_krw, fiscal_year) as amount_old,
        max(fiscal_year) as year_new,
        min(fiscal_year) as year_old
    from budgets
    group by government_code, document_id, source_line, org_unit, category
    having count(distinct fiscal_year) = 2
),

budget_changes as (
    select
        *,
        cast(replace(replace(replace(replace(printed_change, '△', '-'), '▲', '-'), ',', ''), ' ', '') as double)
            * {{ printed_precision_krw("'1'", 'printed_unit') }} as change_krw,
        cast(replace(replace(replace(printed_change_pct, '△', '-'), '▲', '-'), ' ', '') as double) as change_pct,
        100.0 * (amount_new - amount_old) / nullif(amount_old, 0) as computed_pct,
        0.5 * power(10, -coalesce(length(regexp_extract(printed_change_pct, '\.(\d+)', 1)), 0)) as pct_tolerance
    from budget_rows
    where printed_change is not null
),

budget_change_amounts as (
    select
        'printed_change_vs_amounts' as check_name,
        government_code,
        document_id,
        'fct_department_budget' as fact_table,
        org_unit || ' ' || category || ' 증감' as subject,
        printed_change as printed,
        cast(amount_new - amount_old as varchar) || '원 (' || year_new || ' − ' || year_old || ')' as expected,
        abs(change_krw - (amount_new - amount_old)) as difference,
        {{ printed_precision_krw("'1'", 'printed_unit') }} as tolerance,
        source_line,
        source_line as other_line,
        org_unit || ' ' || category || '의 증감(' || printed_change || ', ' || source_line || '행)이 두 해 금액의 차와 다름. '
            || 'The printed change is not the difference of the two years.' as explanation
    from budget_changes
    where change_krw is not null
),

budget_change_rates as (
    select
        'printed_rate_vs_amounts' as check_name,
        government_code,
        document_id,
        'fct_department_budget' as fact_table,
        org_unit || ' ' || category || ' 증감률' as subject,
        printed_change_pct as printed,
        cast(round(computed_pct, 2) as varchar) || '% (계산)' as expected,
        abs(change_pct - computed_pct) as difference,
        pct_tolerance as tolerance,
        source_line,
        source_line as other_line,
        org_unit || ' ' || category || '의 증감률(' || printed_change_pct || ', ' || source_line || '행)이 계산값 '
            || round(computed_pct, 2) || '%와 다름'
            || case when sign(change_pct) <> sign(computed_pct) and abs(abs(change_pct) - abs(computed_pct)) <= pct_tolerance
                    then ' (부호 오류). The printed rate has the wrong sign.'
                    else '. The printed rate does not follow from the amounts.' end as explanation
    from budget_changes
    where computed_pct is not null
),

-- A pledge's children against the pledge, per period; a pledge's periods against its 총계;
-- the top-level pledges against the plan's 총 계 row.
pledge_children as (
    select
        'children_vs_parent' as check_name,
        parent.government_code,
        parent.document_id,
        'fct_pledge_investment' as fact_table,
        parent.pledge_code || ' ' || parent.period_label as subject,
        parent.printed_value as printed,
        cast(sum(child.amount_krw) as varchar) || '원 (하위 공약 합)' as expected,
        cast(abs(parent.amount_krw - sum(child.amount_krw)) as double) as difference,
        (sum(child.step_krw) + parent.step_krw) / 2 as tolerance,
        parent.source_line,
        min(child.source_line) as other_line,
        '공약 ' || parent.pledge_code || '의 ' || parent.period_label || ' 금액(' || parent.source_line
            || '행)이 하위 공약의 합과 다름. The sub-pledges do not add up to their pledge.' as explanation
    from investments as parent
    inner join investments as child
        on child.document_id = parent.document_id and child.period_label = parent.period_label
        and child.pledge_code like parent.pledge_code || '-%'
        and length(child.pledge_code) - length(replace(child.pledge_code, '-', ''))
            = length(parent.pledge_code) - length(replace(parent.pledge_code, '-', '')) + 1
    where not parent.is_total_row
    group by parent.government_code, parent.document_id, parent.pledge_code, parent.period_label,
        parent.printed_value, parent.amount_krw, parent.step_krw, parent.source_line
),

pledge_periods as (
    select
        'periods_vs_total' as check_name,
        total.government_code,
        total.document_id,
        'fct_pledge_investment' as fact_table,
        coalesce(total.pledge_code, '총 계') || ' 기간 합' as subject,
        total.printed_value as printed,
        cast(sum(period.amount_krw) as varchar) || '원 (연차별 합)' as expected,
        cast(abs(total.amount_krw - sum(period.amount_krw)) as double) as difference,
        (sum(period.step_krw) + total.step_krw) / 2 as tolerance,
        total.source_line,
        min(period.source_line) as other_line,
        coalesce('공약 ' || total.pledge_code, '총 계') || '의 총계(' || total.source_line
            || '행)가 연차별 금액의 합과 다름. The years do not add up to the printed total.' as explanation
    from investments as total
    inner join investments as period
        on period.document_id = total.document_id and period.pledge_code is not distinct from total.pledge_code
        and period.fiscal_year_from is not null
    where total.fiscal_year_from is null
    group by total.government_code, total.document_id, total.pledge_code, total.printed_value, total.amount_krw,
        total.step_krw, total.source_line
),

pledge_plan_total as (
    select
        'top_level_vs_plan_total' as check_name,
        total.government_code,
        total.document_id,
        'fct_pledge_investment' as fact_table,
        '총 계 ' || total.period_label as subject,
        total.printed_value as printed,
        cast(sum(top.amount_krw) as varchar) || '원 (최상위 공약 합)' as expected,
        cast(abs(total.amount_krw - sum(top.amount_krw)) as double) as difference,
        (sum(top.step_krw) + total.step_krw) / 2 as tolerance,
        total.source_line,
        min(top.source_line) as other_line,
        '총 계의 ' || total.period_label || ' 금액(' || total.source_line
            || '행)이 최상위 공약의 합과 다름. The pledges do not add up to the plan total.' as explanation
    from investments as total
    inner join investments as top
        on top.document_id = total.document_id and top.period_label = total.period_label
        and not top.is_total_row and top.pledge_code not like '%-%-%'
    where total.is_total_row
    group by total.government_code, total.document_id, total.period_label, total.printed_value, total.amount_krw,
        total.step_krw, total.source_line
),

-- A candidate's relations against the printed 계 (a relation of named people counts by their sum).
relation_rows as (
    select * from finance
    where relation <> 'total' and (statement = 'derived_sum' or (person is null and not exists (
        select 1 from finance as named
        where named.document_id = finance.document_id and named.measure = finance.measure
            and named.relation = finance.relation and named.statement = 'derived_sum')))
),

candidate_relations as (
    select
        'relations_vs_total' as check_name,
        total.government_code,
        total.document_id,
        'fct_candidate_finance' as fact_table,
        total.measure || ' 계' as subject,
        total.printed_value as printed,
        cast(sum(part.amount_krw) as varchar) || '원 (관계별 합)' as expected,
        cast(abs(total.amount_krw - sum(part.amount_krw)) as double) as difference,
        (sum(part.step_krw) + total.step_krw) / 2 as tolerance,
        total.source_line,
        min(part.source_line) as other_line,
        total.measure || '의 계(' || total.source_line || '행)가 관계별 금액의 합과 다름. '
            || 'The relations do not add up to the printed total.' as explanation
    from finance as total
    inner join relation_rows as part
        on part.document_id = total.document_id and part.measure = total.measure
    where total.relation = 'total' and total.statement = 'printed'
    group by total.government_code, total.document_id, total.measure, total.printed_value, total.amount_krw,
        total.step_krw, total.source_line
),

-- One team named two ways: on the cover only and in the unit table only, under one department.
spellings as (
    select
        'name_spelled_two_ways' as check_name,
        cover.government_code,
        cover.first_document_id as document_id,
        'dim_department' as fact_table,
        cover.parent_org_unit || ' ' || cover.org_unit as subject,
        cover.org_unit as printed,
        listed.org_unit as expected,
        cast(null as double) as difference,
        cast(null as double) as tolerance,
        cover.first_source_line as source_line,
        listed.first_source_line as other_line,
        cover.parent_org_unit || '의 팀 이름이 표지(' || cover.first_source_line || '행)에는 ' || cover.org_unit
            || ', 조직현황(' || listed.first_source_line || '행)에는 ' || listed.org_unit
            || '(으)로 다름. One unit is spelled two ways.' as explanation
    from departments as cover
    inner join departments as listed
        on listed.government_code = cover.government_code and listed.parent_org_unit = cover.parent_org_unit
        and listed.org_unit <> cover.org_unit
    where cover.listed_in = 'cover' and listed.listed_in = 'unit_table'
        and jaro_winkler_similarity(cover.org_unit, listed.org_unit) >= 0.9
),

-- Every other printed total of every table (계, 합계, 소계 rows and columns) against the parts the
-- table prints beside it, and every rate or difference whose header gives its formula in the
-- letters of other columns (징수율(C:B), 증감액(A-B)); figures a typed rule above already compares
-- are left to that rule.
typed_comparisons as (
    select document_id, source_line, 'total_vs_parts' as rule from budget_parts
    union select document_id, source_line, 'total_vs_parts' from pledge_periods
    union select document_id, source_line, 'total_vs_parts' from pledge_plan_total
    union select document_id, source_line, 'total_vs_parts' from candidate_relations
    union select document_id, source_line, 'total_vs_parts' from revenue_groups
    union select document_id, source_line, 'total_vs_parts' from settlement_identities
    union select document_id, source_line, 'difference_vs_formula' from budget_change_amounts
    union select document_id, source_line, 'rate_vs_formula' from budget_change_rates
),

table_checks as (
    select
        case checked.rule
            when 'total_vs_parts' then 'table_total_vs_parts'
            when 'rate_vs_formula' then 'printed_rate_vs_amounts'
            else 'printed_change_vs_amounts'
        end as check_name,
        cell.government_code,
        checked.document_id,
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
        checked.source_line,
        cast(split_part(checked.addend_lines, ',', 1) as integer) as other_line,
        case
            when checked.rule = 'total_vs_parts' and checked.direction = 'rows'
                then cell.column_label || '의 ' || checked.total_label || '(' || checked.source_line || '행)는 '
                    || checked.printed_value || '(으)로 적혀 있으나 그 아래 행(' || checked.addend_lines || '행)을 더하면 '
                    || {{ plain_decimal('checked.expected') }} || '. The rows do not add up to their printed total.'
            when checked.rule = 'total_vs_parts'
                then cell.row_label || ' 행(' || checked.source_line || '행)의 ' || checked.total_label || '는 '
                    || checked.printed_value || '(으)로 적혀 있으나 옆 열(' || checked.addend_columns || '열)을 더하면 '
                    || {{ plain_decimal('checked.expected') }} || '. The columns do not add up to their printed total.'
            else cell.row_label || ' 행(' || checked.source_line || '행)의 ' || checked.total_label || '는 '
                || checked.printed_value || '(으)로 적혀 있으나 머리글의 공식대로 계산하면 '
                || {{ plain_decimal('checked.expected') }} || '. The printed figure does not follow from the columns its header names.'
        end as explanation
    from {{ ref('stg_lake__table_checks') }} as checked
    inner join {{ ref('fct_table_cell') }} as cell
        on cell.document_id = checked.document_id and cell.source_line = checked.source_line
        and cell.column_index = checked.column_index and cell.part = checked.part
    where not exists (
        select 1 from typed_comparisons as typed
        where typed.document_id = checked.document_id and typed.source_line = checked.source_line
            and typed.rule = checked.rule)
),

findings as (
    select * from staffing_statements
    union all select * from budget_parts
    union all select * from budget_change_amounts
    union all select * from budget_change_rates
    union all select * from pledge_children
    union all select * from pledge_periods
    union all select * from pledge_plan_total
    union all select * from candidate_relations
    union all select * from revenue_groups
    union all select * from settlement_identities
    union all select * from spellings
    union all select * from table_checks
)

-- Each rule yields its comparisons; only those beyond their tolerance are findings (a name rule
-- has neither a difference nor a tolerance: each pair it yields is one).
select
    {{ surrogate_key(['check_name', 'document_id', 'subject', 'source_line', 'other_line']) }} as discrepancy_id,
    *
from findings
where difference is null or difference > tolerance
