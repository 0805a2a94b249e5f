-- An archived working group is read-only: the item aggregates refuse new posts in it (WorkingGroupArchived and
-- WorkingGroupReopened, written by the command-directory processor).
alter table group_directory add column archived boolean not null default false;
