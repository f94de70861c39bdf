-- A client known by its metadata document is fetched again after this time (from the document's Cache-Control).
alter table oauth_client rename column refreshed_at to fresh_until;
