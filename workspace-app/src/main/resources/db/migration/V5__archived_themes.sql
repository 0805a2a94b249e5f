-- An archived theme takes no new working groups (ThemeArchived, written by the command-directory processor).
alter table theme_directory add column archived boolean not null default false;
