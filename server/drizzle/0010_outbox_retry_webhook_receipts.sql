CREATE TABLE `twilio_webhook_receipts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`key` text NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `twilio_webhook_receipts_key` ON `twilio_webhook_receipts` (`kind`,`key`);--> statement-breakpoint
ALTER TABLE `outbox` ADD `retry_until` integer;