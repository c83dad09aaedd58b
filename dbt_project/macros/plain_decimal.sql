{#- A decimal as a person writes it: 1771, 3568.3, -0.675128 (no trailing zeros, no dangling point). -#}
{% macro plain_decimal(column) -%}
    (case when contains(cast({{ column }} as varchar), '.')
        then rtrim(rtrim(cast({{ column }} as varchar), '0'), '.')
        else cast({{ column }} as varchar) end)
{%- endmacro %}
