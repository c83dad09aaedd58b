-- Every place a filing contradicts itself, as a finding for auditors (recorded, never blocking).
-- Each rule is a model of its own (intermediate/discrepancies/int_discrepancy__<rule>), which
-- yields every comparison it makes with `is_finding`: a printed figure against what it should
-- be, sums within the rounding their printed precision allows (n addends printed to a step u may
-- differ by up to n·u/2). A new rule is a new model and a line here.
--
-- Built incrementally, the findings of the changed documents are taken again (int_document_changes),
-- after their old ones are deleted: a rule's view computed for a few documents rather than whole
-- (at 10,000 filings, 1.4 s of a one-filing build). A rule whose rows may change for a document
-- that did not (its fact table is not built by document: a department's first filing, a
-- candidate's key) is taken again whole, under the check name it gives its findings.
{% set rules = ['staffing_statements', 'budget_parts', 'budget_change_amounts', 'budget_change_rates',
                'pledge_children', 'pledge_periods', 'pledge_plan_total', 'candidate_relations',
                'revenue_subtotals', 'settlement_identities', 'spellings', 'table_totals'] %}
{% set taken_whole = {'candidate_relations': 'relations_vs_total', 'spellings': 'name_spelled_two_ways'} %}
{% set whole_checks = "'" ~ taken_whole.values() | join("', '") ~ "'" %}
{{ config(
    materialized='incremental',
    incremental_strategy='append',
    pre_hook="{% if is_incremental() %}delete from {{ this }} where check_name in (" ~ whole_checks ~ ") or document_id in "
             "(select document_id from {{ ref('int_document_changes') }}){% else %}select 1{% endif %}"
) }}

with findings as (
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
        document_line,
        other_line as other_document_line,
        explanation
    from {{ ref('int_discrepancy__' ~ rule) }}
    where is_finding
    {%- if rule not in taken_whole %} and {{ changed_documents() }}{% endif %}
    {% if not loop.last %}union all{% endif %}
{% endfor %}
),

lines as (
    select document_id, document_line, page_number, line_number from {{ ref('stg_lake__lines') }}
    where document_id in (select document_id from findings union select other_document_id from findings)
)

-- Rules count lines through the whole document; a person reads a page and a line on it.
select
    findings.discrepancy_id,
    findings.check_name,
    findings.government_code,
    findings.document_id,
    findings.other_document_id,
    findings.fact_table,
    findings.subject,
    findings.printed,
    findings.expected,
    findings.difference,
    findings.tolerance,
    line.page_number as source_page,
    line.line_number as source_line,
    findings.document_line,
    other.page_number as other_page,
    other.line_number as other_line,
    findings.other_document_line,
    findings.explanation
from findings
left join lines as line
    on line.document_id = findings.document_id and line.document_line = findings.document_line
left join lines as other
    on other.document_id = findings.other_document_id and other.document_line = findings.other_document_line
