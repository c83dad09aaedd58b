-- Per government, revenue item (within the group it is printed under) and fiscal year: target,
-- assessed, collected, forecast and settled amounts side by side, the rates the filing prints, and
-- the rates computed from the amounts. When several statements give one measure (a table and a
-- text line, two tables), the one chosen is: a table cell before a text line, an item the filing
-- names before one taken from the project, the earliest line.
with revenue as (
    {{ current_versions('fct_revenue') }}
    and fiscal_year is not null and measure not in ('change_amount', 'change_rate')
),

ranked as (
    select
        *,
        row_number() over (
            partition by government_code, revenue_item, coalesce(parent_item, ''), fiscal_year, measure
            order by statement_form = 'text', item_from <> 'label', document_id, source_line, column_label
        ) as rank_in_measure
    from revenue
),

chosen as (
    select * from ranked where rank_in_measure = 1
)

select
    {{ surrogate_key(['government_code', 'revenue_item', 'parent_item', 'fiscal_year']) }} as revenue_performance_id,
    government_code,
    revenue_item,
    parent_item,
    any_value(item_level) as item_level,
    fiscal_year,
    max(amount_krw) filter (where measure = 'target') as target_krw,
    max(amount_krw) filter (where measure = 'assessed') as assessed_krw,
    max(amount_krw) filter (where measure = 'collected') as collected_krw,
    max(period_label) filter (where measure = 'collected') as collected_period,
    max(amount_krw) filter (where measure = 'forecast') as forecast_krw,
    max(amount_krw) filter (where measure = 'settled') as settled_krw,
    max(rate_pct) filter (where measure = 'progress_rate') as progress_rate_printed_pct,
    max(rate_pct) filter (where measure = 'collection_rate') as collection_rate_printed_pct,
    round(100.0 * max(amount_krw) filter (where measure = 'collected')
          / nullif(max(amount_krw) filter (where measure = 'target'), 0), 1) as progress_rate_pct,
    round(100.0 * max(amount_krw) filter (where measure = 'collected')
          / nullif(max(amount_krw) filter (where measure = 'assessed'), 0), 1) as collection_rate_pct,
    count(*) as statements
from chosen
group by government_code, revenue_item, parent_item, fiscal_year
