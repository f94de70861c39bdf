-- Periodic jobs that every instance schedules but one should run per round (housekeeping): the instance that
-- takes a job's lease runs it, the others skip that round; an expired lease is free again, so a job whose
-- instance died runs elsewhere at the next round.
create table cluster_lease (
    name varchar(64) primary key,
    holder varchar(255) not null,
    expires_at timestamptz not null
);
