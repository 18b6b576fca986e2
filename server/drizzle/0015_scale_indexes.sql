ALTER TABLE `sites` ADD `last_ref` integer;--> statement-breakpoint
CREATE INDEX `outbox_site_kind` ON `outbox` (`site_id`,`kind`,`created_at`);--> statement-breakpoint
CREATE INDEX `requests_site_status` ON `requests` (`site_id`,`status`,`created_at`);--> statement-breakpoint
CREATE INDEX `requests_site_kind` ON `requests` (`site_id`,`kind`,`created_at`);--> statement-breakpoint
CREATE INDEX `requests_site_spam` ON `requests` (`site_id`,`created_at`) WHERE spam_at is not null;