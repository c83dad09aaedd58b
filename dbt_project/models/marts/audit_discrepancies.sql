-- Every place a filing contradicts itself, as a finding for auditors (recorded, never blocking).
-- Each rule is a model of its own (intermediate/discrepancies/int_discrepancy__<rule>), which
-- yields every comparison it makes with `is_finding`: a printed figure against what it should
-- be, sums within the rounding their printed precision allows (n addends printed to a step u may
-- differ by up to n·u/2). A new rule is a new model and a line here.
{% set rules = ['staffing_statements', 'budget_parts', 'budget_change_amounts', 'budget_change_rates',
                'pledge_children', 'pledge_periods', 'pledge_plan_total', 'candidate_relations',
                'revenue_subtotals', 'settlement_identities', 'spellings', 'table_totals'] %}

{% for rule in rules %}
select
    discrepancy_id,
    check_name,
    government_code,
    document_id,
    other_document_id,
    fact_table,
    subject,
    printed,
    expected,
    difference,
    tolerance,
    source_line,
    other_line,
    explanation
from {{ ref('int_discrepancy__' ~ rule) }}
where is_finding
{% if not loop.last %}union all{% endif %}
{% endfor %}
