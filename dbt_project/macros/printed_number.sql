{#- A number as a filing prints it (`△1,898`, `△17.5%`, `▲ 3`) as a double: null when the text is
    no number, so one filing's odd cell never stops a model. -#}
{% macro printed_number(column) -%}
    try_cast(regexp_replace(replace(replace({{ column }}, '△', '-'), '▲', '-'), '[,\s%]', '', 'g') as double)
{%- endmacro %}
