-- Custom migration (drizzle cannot express FTS5): the inbox search index, rebuilt with the site in its rowid.
-- A search is always within one site, but with rowid = the request's rowid every match over all sites was
-- computed first and only then filtered by site (86.8 ms for a name at 1M rows). Now an index row's rowid
-- is (site_id << 40) + the request's rowid, so a site's rows are one rowid range, which FTS5 seeks to:
-- `... MATCH ? AND rowid BETWEEN (site << 40) AND (site << 40) + 2^40 - 1` reads only that site's part
-- of each trigram's list (server/src/inbox/search.ts). Same body as migration 0016 (fields, customer
-- email and phone), existing rows backfilled below.
DROP TRIGGER IF EXISTS `requests_search_insert`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `requests_search_update`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `requests_search_delete`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `requests_search_customer`;
--> statement-breakpoint
DROP TABLE IF EXISTS `requests_search`;
--> statement-breakpoint
CREATE VIRTUAL TABLE `requests_search` USING fts5(`body`, tokenize = 'trigram', content = '', contentless_delete = 1);
--> statement-breakpoint
INSERT INTO `requests_search` (`rowid`, `body`)
  SELECT (r.`site_id` << 40) + r.`rowid`, r.`fields` || ' ' || coalesce(c.`email`, '') || ' ' || coalesce(c.`phone`, '')
  FROM `requests` r JOIN `customers` c ON c.`id` = r.`customer_id`
  ORDER BY r.`site_id`, r.`rowid`;
--> statement-breakpoint
CREATE TRIGGER `requests_search_insert` AFTER INSERT ON `requests` BEGIN
  INSERT INTO `requests_search` (`rowid`, `body`)
    VALUES ((new.`site_id` << 40) + new.`rowid`, new.`fields` || ' ' || coalesce((SELECT coalesce(`email`, '') || ' ' || coalesce(`phone`, '') FROM `customers` WHERE `id` = new.`customer_id`), ''));
END;
--> statement-breakpoint
CREATE TRIGGER `requests_search_update` AFTER UPDATE OF `fields`, `customer_id`, `site_id` ON `requests` BEGIN
  DELETE FROM `requests_search` WHERE `rowid` = (old.`site_id` << 40) + old.`rowid`;
  INSERT INTO `requests_search` (`rowid`, `body`)
    VALUES ((new.`site_id` << 40) + new.`rowid`, new.`fields` || ' ' || coalesce((SELECT coalesce(`email`, '') || ' ' || coalesce(`phone`, '') FROM `customers` WHERE `id` = new.`customer_id`), ''));
END;
--> statement-breakpoint
CREATE TRIGGER `requests_search_delete` AFTER DELETE ON `requests` BEGIN
  DELETE FROM `requests_search` WHERE `rowid` = (old.`site_id` << 40) + old.`rowid`;
END;
--> statement-breakpoint
CREATE TRIGGER `requests_search_customer` AFTER UPDATE OF `email`, `phone` ON `customers` BEGIN
  DELETE FROM `requests_search` WHERE `rowid` IN (SELECT (`site_id` << 40) + `rowid` FROM `requests` WHERE `customer_id` = new.`id`);
  INSERT INTO `requests_search` (`rowid`, `body`)
    SELECT (r.`site_id` << 40) + r.`rowid`, r.`fields` || ' ' || coalesce(new.`email`, '') || ' ' || coalesce(new.`phone`, '') FROM `requests` r WHERE r.`customer_id` = new.`id`;
END;
