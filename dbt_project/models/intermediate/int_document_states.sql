{{ config(materialized='table') }}

-- The joined row of every document (and its government) as the incremental models of this build took it,
-- for the next build's int_document_changes. It runs after those marts (the depends_on below):
-- when one of them fails, this keeps the last build's states and the next build takes the
-- same documents again.
-- depends_on: {{ ref('audit_filing_lines') }}
-- depends_on: {{ ref('audit_unclaimed_numbers') }}
-- depends_on: {{ ref('fct_debt') }}
-- depends_on: {{ ref('fct_department_budget') }}
-- depends_on: {{ ref('fct_fund') }}
-- depends_on: {{ ref('fct_news_claim') }}
-- depends_on: {{ ref('fct_pledge_investment') }}
-- depends_on: {{ ref('fct_project_budget') }}
-- depends_on: {{ ref('fct_revenue') }}
-- depends_on: {{ ref('fct_settlement') }}
-- depends_on: {{ ref('fct_staffing') }}
-- depends_on: {{ ref('fct_table_cell') }}
-- depends_on: {{ ref('int_pledge_mentions_found') }}
-- depends_on: {{ ref('int_pledge_project_matches') }}

select document_id, government_code, hash(documents) as row_hash
from {{ ref('int_documents_joined') }} as documents
