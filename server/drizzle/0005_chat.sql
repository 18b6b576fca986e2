CREATE TABLE `chat_messages` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`request_id` text NOT NULL,
	`author` text NOT NULL,
	`body` text NOT NULL,
	`via` text NOT NULL,
	`user_id` integer,
	`client_id` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`request_id`) REFERENCES `requests`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `chat_messages_request` ON `chat_messages` (`request_id`,`id`);--> statement-breakpoint
CREATE UNIQUE INDEX `chat_messages_client` ON `chat_messages` (`request_id`,`client_id`);--> statement-breakpoint
CREATE TABLE `chats` (
	`request_id` text PRIMARY KEY NOT NULL,
	`token_hash` text NOT NULL,
	`last_shopper_at` integer,
	`last_owner_at` integer,
	`last_alert_at` integer,
	`shopper_seen_id` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`request_id`) REFERENCES `requests`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `chats_token_hash_unique` ON `chats` (`token_hash`);--> statement-breakpoint
ALTER TABLE `sites` ADD `inbox_seen_at` integer;