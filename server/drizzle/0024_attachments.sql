CREATE TABLE `attachments` (
	`id` text PRIMARY KEY NOT NULL,
	`site_id` integer NOT NULL,
	`request_id` text,
	`chat_message_id` integer,
	`author` text NOT NULL,
	`type` text NOT NULL,
	`name` text NOT NULL,
	`size` integer NOT NULL,
	`storage_key` text NOT NULL,
	`thumb_key` text,
	`created_at` integer NOT NULL,
	`deleted_at` integer,
	FOREIGN KEY (`site_id`) REFERENCES `sites`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`request_id`) REFERENCES `requests`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`chat_message_id`) REFERENCES `chat_messages`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `attachments_request` ON `attachments` (`request_id`);--> statement-breakpoint
CREATE INDEX `attachments_chat_message` ON `attachments` (`chat_message_id`);--> statement-breakpoint
CREATE INDEX `attachments_deleted` ON `attachments` (`deleted_at`);