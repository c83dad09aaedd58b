{#- A lake table as a staging model reads it (orchestration/pipeline/increments.py). Built from
    scratch, the model reads every file of the table; built incrementally, only the files of the
    refresh's batch (<state>/lake_batch.parquet), after the rows of the batch's documents were
    deleted (lake_increment below), so a rewritten or vanished file leaves none of its old rows. -#}
{% macro lake_source(table) -%}
    {%- set everything = source('lake', table) -%}
    {%- if is_incremental() -%}
        {%- set files = lake_batch_files(table) -%}
        {%- if files | length > 0 -%}
            read_parquet([
                {%- for file in files -%}
                    '{{ file | replace("'", "''") }}'{{ ", " if not loop.last }}
                {%- endfor -%}
            ])
        {%- else -%}
            read_parquet('{{ env_var("LOCALGOV_LAKE_DIR", "../warehouse/lake") }}/{{ table }}/_schema_{{ var("parser_version") }}.parquet')
        {%- endif -%}
    {%- else -%}
        {{ everything }}
    {%- endif -%}
{%- endmacro %}

{% macro lake_batch() -%}
    read_parquet('{{ env_var("LOCALGOV_STATE_DIR", "../warehouse/state") }}/lake_batch.parquet')
{%- endmacro %}

{% macro lake_batch_files(table) -%}
    {%- if not execute -%}
        {{ return([]) }}
    {%- endif -%}
    {%- set found = run_query("select file_path from " ~ lake_batch() ~ " where lake_table = '" ~ table
                              ~ "' and file_path is not null order by file_path") -%}
    {{ return(found.columns[0].values() | list) }}
{%- endmacro %}

{#- The configuration of a staging model of a lake table: incremental, keyed by document. -#}
{% macro lake_increment(table) -%}
    {{ config(
        materialized='incremental',
        incremental_strategy='delete+insert',
        unique_key='document_id',
        pre_hook="{% if is_incremental() %}delete from {{ this }} where document_id in (select document_id from "
                 ~ lake_batch() ~ " where lake_table = '" ~ table ~ "'){% else %}select 1{% endif %}"
    ) }}
{%- endmacro %}

{#- A mart of per-document rows (each row made of one document's lake rows, its joined document
    row and reference data): incremental, keyed by document. Built incrementally it takes again
    the documents of int_document_changes only, after deleting their rows (a document gone or
    held back leaves none). -#}
{% macro document_increment() -%}
    {{ config(
        materialized='incremental',
        incremental_strategy='delete+insert',
        unique_key='document_id',
        pre_hook="{% if is_incremental() %}delete from {{ this }} where document_id in "
                 "(select document_id from {{ ref('int_document_changes') }}){% else %}select 1{% endif %}"
    ) }}
{%- endmacro %}

{#- The filter of a document-incremental mart: every document built from scratch, the changed
    ones built incrementally. -#}
{% macro changed_documents() -%}
    {%- set changes = ref('int_document_changes') -%}
    {%- if is_incremental() -%}
        document_id in (select document_id from {{ changes }})
    {%- else -%}
        true
    {%- endif -%}
{%- endmacro %}
