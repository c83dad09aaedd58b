{#- dbt's generic tests read their model through this macro (it applies a test's `where`). A
    model built incrementally by document changed only in the rows of the documents its build
    took again (the lake batch for a staging model, int_document_changes for a mart): a test of
    one row at a time (not_null, accepted_values, relationships) reads those rows, and unique
    reads them with every row that shares their value (a duplicate needs one new row). The other
    rows passed the same tests when they were built and are as they were. A build from scratch
    tests every row. -#}
{% macro duckdb__get_where_subquery(relation) -%}
    {%- set conditions = [] -%}
    {%- if config.get('where') -%}
        {%- do conditions.append('(' ~ config.get('where') ~ ')') -%}
    {%- endif -%}
    {#- called by dbt's own macro: the project's macros are named with the project's name -#}
    {%- set changed = localgov.changed_rows_condition(relation) -%}
    {%- if changed -%}
        {%- set test = model.get('test_metadata') or {} -%}
        {%- set column = (test.get('kwargs') or {}).get('column_name') -%}
        {%- if test.get('name') == 'unique' and column -%}
            {%- do conditions.append('(' ~ changed ~ ' or ' ~ column ~ ' in (select ' ~ column ~ ' from '
                                     ~ relation ~ ' where ' ~ changed ~ '))') -%}
        {%- elif test.get('name') in ('not_null', 'accepted_values', 'relationships') -%}
            {%- do conditions.append(changed) -%}
        {%- endif -%}
    {%- endif -%}
    {%- if conditions -%}
        {%- do return('(select * from ' ~ relation ~ ' where ' ~ conditions | join(' and ') ~ ') dbt_subquery') -%}
    {%- endif -%}
    {%- do return(relation) -%}
{%- endmacro %}

{#- The rows of `relation` that an incremental build by document changed, as a condition; none
    when the build is from scratch or the relation is not such a model. -#}
{% macro changed_rows_condition(relation) -%}
    {%- if not execute or flags.FULL_REFRESH -%}
        {%- do return(none) -%}
    {%- endif -%}
    {%- for node in graph.nodes.values() -%}
        {%- if node.resource_type == 'model' and node.schema == relation.schema
              and (node.alias or node.name) == relation.identifier
              and node.config.materialized == 'incremental' and node.config.unique_key == 'document_id' -%}
            {%- if node.fqn[1] == 'staging' -%}
                {%- do return('document_id in (select document_id from ' ~ lake_batch() ~ ')') -%}
            {%- endif -%}
            {%- set changes = adapter.get_relation(database=relation.database, schema='intermediate',
                                                   identifier='int_document_changes') -%}
            {%- do return('document_id in (select document_id from ' ~ changes ~ ')' if changes else none) -%}
        {%- endif -%}
    {%- endfor -%}
    {%- do return(none) -%}
{%- endmacro %}
