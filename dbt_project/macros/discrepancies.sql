{#- What the discrepancy rules (models/intermediate/discrepancies) share. Rules compare lines by
    their number in the whole document (document_line, other_line): audit_discrepancies turns both
    into page and line. -#}

{#- A fact table's rows with the smallest step their printed amount can show (step_krw). -#}
{% macro with_printed_step(model, unit_column, where=none) -%}
    select *, {{ printed_precision_krw('printed_value', unit_column) }} as step_krw
    from {{ ref(model) }}
    {%- if where %}
    where {{ where }}
    {%- endif %}
{%- endmacro %}

{#- The columns of a printed total compared with the sum of its parts (`total` and `part` are the
    aliases of the two sides): n parts and the total, each printed to its step, may differ by up
    to the sum of their half steps. -#}
{% macro total_against_parts(total, part, parts_label) -%}
        {{ total }}.printed_value as printed,
        cast(sum({{ part }}.amount_krw) as varchar) || '원 ({{ parts_label }})' as expected,
        cast(abs({{ total }}.amount_krw - sum({{ part }}.amount_krw)) as double) as difference,
        (sum({{ part }}.step_krw) + {{ total }}.step_krw) / 2 as tolerance,
        {{ total }}.document_line,
        min({{ part }}.document_line) as other_line
{%- endmacro %}

{#- Every comparison of a rule with its key and whether it is a finding: beyond its tolerance, or
    any pair of a name rule (which has neither difference nor tolerance). -#}
{% macro comparisons_flagged(key_columns) -%}
select
    {{ surrogate_key(key_columns) }} as discrepancy_id,
    *,
    difference is null or difference > tolerance as is_finding
from comparisons
{%- endmacro %}
