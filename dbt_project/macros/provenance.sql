{#- Where a lake record was printed, cast once for every fact family (orchestration/pipeline/lake.py,
    _PROVENANCE): the page (1 for a text filing), the line within that page, the line's number
    in the whole document (what keys and joins inside one document use) and the line's text. -#}
{% macro provenance_columns() -%}
    document_id,
    cast(source_page as integer) as source_page,
    cast(source_line as integer) as source_line,
    cast(document_line as integer) as document_line,
    source_excerpt,
    parser_version
{%- endmacro %}


{#- The closing columns of a mart of facts or of things a filing names: the table the row was read
    from (a fact's; a name carries none) and its line's provenance, in the order every such table
    publishes them. -#}
{% macro fact_provenance_columns(table_index=true) -%}
    {% if table_index %}table_index,
    {% endif %}document_id,
    source_page,
    source_line,
    document_line,
    source_excerpt,
    parser_version
{%- endmacro %}
