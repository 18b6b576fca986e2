-- The data-scale bench's seed: {{REQUESTS}} requests across {{SITES}} sites in one transaction, generated
-- by recursive CTEs (no row goes through JavaScript). bench/data-scale.ts fills in the {{…}} numbers.
-- Shape: {{CUSTOMERS}} customers spread over the sites; one big shop (site 101) takes every tenth request
-- on top of its share, and has one customer with {{HEAVY}} requests ("Heavy Returner"); about 1% is spam,
-- 10% new, 10% in progress. data-scale.ts runs it in two parts (split at the marker line below):
-- the rows go in with the secondary indexes and search triggers dropped, then the indexes and the FTS5
-- search index are built once, then the second part (which needs the customer index) runs.
BEGIN;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {{SITES}})
  INSERT INTO sites (id, key, name, settings) SELECT 100 + i, 'scale-' || i, 'Scale shop ' || i, '{}' FROM n;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {{CUSTOMERS}})
  INSERT INTO customers (id, site_id, name, phone, email, first_seen_at, last_seen_at, request_count)
  SELECT 100 + i, 101 + i % {{SITES}}, 'Shopper ' || i, '+4915' || printf('%09d', i), CASE WHEN i % 3 = 0 THEN 'shopper' || i || '@example.com' END, {{T0}}, {{T0}}, 0 FROM n;
INSERT INTO customers (id, site_id, name, phone, first_seen_at, last_seen_at, request_count)
  VALUES (100 + {{CUSTOMERS}} + 1, 101, 'Heavy Returner', '+491700000000', {{T0}}, {{T0}}, 0);
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {{REQUESTS}}),
  r0 AS (
    SELECT i,
      CASE WHEN i % {{HEAVY_EVERY}} = 0 THEN {{CUSTOMERS}} + 1
           WHEN i % 10 = 0 THEN {{SITES}} * (1 + (i / 10) % ({{CUSTOMERS}} / {{SITES}}))
           ELSE 1 + i % {{CUSTOMERS}} END AS k,
      CASE i % 3 WHEN 0 THEN 'message' WHEN 1 THEN 'callback' ELSE 'chat' END AS kind
    FROM n),
  r AS (SELECT i, k, 100 + k AS c, kind FROM r0)
  INSERT INTO requests (id, site_id, customer_id, kind, status, ref, fields, created_at, updated_at, spam_at, spam_reason)
  SELECT 'seed-' || i,
    CASE WHEN k = {{CUSTOMERS}} + 1 THEN 101 ELSE 101 + k % {{SITES}} END,
    c, kind,
    CASE i % 10 WHEN 0 THEN 'new' WHEN 1 THEN 'in_progress' ELSE 'done' END,
    i,
    CASE kind
      WHEN 'callback' THEN json_object('name', 'Shopper ' || k, 'phone', '+4915' || printf('%09d', k), 'when', 'asap', 'note', 'Please call about order ' || i, 'consent', json('true'))
      WHEN 'message' THEN json_object('name', 'Shopper ' || k, 'email', 'shopper' || k || '@example.com', 'topic', 'Stock', 'message', 'Do you have item ' || i || ' in blue, size M?')
      ELSE json_object('name', 'Shopper ' || k) END,
    {{T0}} + i * 30000, {{T0}} + i * 30000,
    CASE WHEN i % 97 = 0 THEN {{T0}} + i * 30000 END,
    CASE WHEN i % 97 = 0 THEN 'marked' END
  FROM r;
COMMIT;
-- after indexes
BEGIN;
UPDATE customers SET request_count = (SELECT count(*) FROM requests WHERE requests.customer_id = customers.id),
  last_seen_at = coalesce((SELECT max(created_at) FROM requests WHERE requests.customer_id = customers.id), last_seen_at);
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 10)
  INSERT INTO site_members (site_id, user_id, role) SELECT 100 + i, (SELECT id FROM users WHERE email = '{{OWNER_EMAIL}}'), 'owner' FROM n;
COMMIT;
