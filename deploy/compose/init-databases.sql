-- One database per service; pg_trgm for spelling-tolerant name search.
create database lumbung_registry owner lumbung;
create database lumbung_eligibility owner lumbung;
create database lumbung_disbursement owner lumbung;
create database lumbung_complaint owner lumbung;
\c lumbung_registry
create extension if not exists pg_trgm;
\c lumbung_eligibility
create extension if not exists pg_trgm;
\c lumbung_disbursement
create extension if not exists pg_trgm;
\c lumbung_complaint
create extension if not exists pg_trgm;
