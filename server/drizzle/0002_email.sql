ALTER TABLE `outbox` ADD `kind` text DEFAULT 'alert' NOT NULL;--> statement-breakpoint
CREATE INDEX `outbox_recipient` ON `outbox` (`kind`,`recipient`,`created_at`);