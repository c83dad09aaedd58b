{#- The smallest step a printed amount can show, in won: 1 천원 for `20,394,052` in 천원,
    0.01 백만원 for `873.20` in 백만원. Rounding tolerance follows it (n addends: n steps / 2). -#}
{% macro printed_precision_krw(printed_value, unit) -%}
    (case {{ unit }}
        when '원' then 1 when '천원' then 1000 when '만원' then 10000
        when '백만원' then 1000000 when '억원' then 100000000 when '조원' then 1000000000000
        else 1 end)
    / power(10, case when {{ printed_value }} like '%.%'
                     then length(regexp_extract({{ printed_value }}, '\.(\d+)', 1)) else 0 end)
{%- endmacro %}
