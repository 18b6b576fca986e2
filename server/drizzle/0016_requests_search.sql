-- Custom migration (drizzle cannot express FTS5): the inbox search index. One row per request, keyed by
-- the request's rowid, holding its fields (JSON) and its customer's email and phone: what the old
-- LIKE '%…%' search looked at. The trigram tokenizer keeps substring search ("5550", "ane do").
-- Contentless (nothing stored twice); kept in step by the triggers below.
CREATE VIRTUAL TABLE `requests_search` USING fts5(`body`, tokenize = 'trigram', content = '', contentless_delete = 1);
--> statement-breakpoint
INSERT INTO `requests_search` (`rowid`, `body`)
  SELECT r.`rowid`, r.`fields` || ' ' || coalesce(c.`email`, '') || ' ' || coalesce(c.`phone`, '')
  FROM `requests` r JOIN `customers` c ON c.`id` = r.`customer_id`;
--> statement-breakpoint
CREATE TRIGGER `requests_search_insert` AFTER INSERT ON `requests` BEGIN
  INSERT INTO `requests_search` (`rowid`, `body`)
    VALUES (new.`rowid`, new.`fields` || ' ' || coalesce((SELECT coalesce(`email`, '') || ' ' || coalesce(`phone`, '') FROM `customers` WHERE `id` = new.`customer_id`), ''));
END;
--> statement-breakpoint
CREATE TRIGGER `requests_search_update` AFTER UPDATE OF `fields`, `customer_id` ON `requests` BEGIN
  DELETE FROM `requests_search` WHERE `rowid` = old.`rowid`;
  INSERT INTO `requests_search` (`rowid`, `body`)
    VALUES (new.`rowid`, new.`fields` || ' ' || coalesce((SELECT coalesce(`email`, '') || ' ' || coalesce(`phone`, '') FROM `customers` WHERE `id` = new.`customer_id`), ''));
END;
--> statement-breakpoint
CREATE TRIGGER `requests_search_delete` AFTER DELETE ON `requests` BEGIN
  DELETE FROM `requests_search` WHERE `rowid` = old.`rowid`;
END;
--> statement-breakpoint
CREATE TRIGGER `requests_search_customer` AFTER UPDATE OF `email`, `phone` ON `customers` BEGIN
  DELETE FROM `requests_search` WHERE `rowid` IN (SELECT `rowid` FROM `requests` WHERE `customer_id` = new.`id`);
  INSERT INTO `requests_search` (`rowid`, `body`)
    SELECT r.`rowid`, r.`fields` || ' ' || coalesce(new.`email`, '') || ' ' || coalesce(new.`phone`, '') FROM `requests` r WHERE r.`customer_id` = new.`id`;
END;
