{#- The rows of a fact table that come from the current version of their filing (dim_document:
    is_current_version): what current_* tables and the BI marts read. Older versions stay in the
    fact tables with their own provenance. -#}
{% macro current_versions(model) -%}
    select * from {{ ref(model) }}
    where document_id in (select document_id from {{ ref('dim_document') }} where is_current_version)
{%- endmacro %}
