-- Each service owns its schema in its own database (DESIGN.md: no service reads another's tables).
create database dermaguard_risk;
create database dermaguard_notify;
