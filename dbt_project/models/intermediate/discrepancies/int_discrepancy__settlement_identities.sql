-- 결산 identities per fiscal year: 세입 − 세출 = 잉여금, and 잉여금 = 이월 + 집행잔액 + 순세계잉여금.
with settlement as (
    {{ with_printed_step('fct_settlement', 'printed_unit') }}
),

settlement_years as (
    select
        government_code,
        document_id,
        fiscal_year,
        max(amount_krw) filter (where item = 'revenue') as revenue,
        max(amount_krw) filter (where item = 'expenditure') as expenditure,
        max(amount_krw) filter (where item = 'surplus') as surplus,
        sum(amount_krw) filter (where item in ('carryover_explicit', 'carryover_accident', 'carryover_continuing',
                                               'subsidy_unspent', 'net_surplus')) as surplus_parts,
        count(*) filter (where item in ('carryover_explicit', 'carryover_accident', 'carryover_continuing',
                                        'subsidy_unspent', 'net_surplus')) as part_count,
        max(step_krw) as step_krw,
        min(document_line) as document_line
    from settlement
    group by government_code, document_id, fiscal_year
),

comparisons as (
    select
        'settlement_identity' as check_name,
        government_code,
        document_id,
        document_id as other_document_id,
        'fct_settlement' as fact_table,
        fiscal_year || ' ' || identity as subject,
        cast(printed_side as varchar) || '원' as printed,
        cast(computed_side as varchar) || '원' as expected,
        cast(abs(printed_side - computed_side) as double) as difference,
        addends * step_krw / 2 as tolerance,
        document_line,
        document_line as other_line,
        fiscal_year || '년 결산에서 ' || identity || '이(가) 맞지 않음. The settlement does not balance.' as explanation
    from (
        select *, '잉여금 = 세입 − 세출' as identity, surplus as printed_side,
               revenue - expenditure as computed_side, 3 as addends
        from settlement_years
        union all
        select *, '잉여금 = 이월 + 집행잔액 + 순세계잉여금', surplus, surplus_parts, part_count + 1
        from settlement_years where part_count > 0
    ) as identities
    where printed_side is not null and computed_side is not null
)

{{ comparisons_flagged(['check_name', 'document_id', 'other_document_id', 'subject', 'document_line', 'other_line']) }}
