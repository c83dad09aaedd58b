{#- Schemas are named exactly as configured (marts, staging, ...), never prefixed with the
    target schema: BI tools and auditors rely on `marts`. -#}
{% macro generate_schema_name(custom_schema_name, node) -%}
    {{ custom_schema_name if custom_schema_name is not none else target.schema }}
{%- endmacro %}
