-- The office modem (Gammu SMSD, its tables in the gammu schema of this database) as a channel.
-- A message handed to the modem is MODEM until gammu reports it sent (SENT) or failed (PENDING again, to be routed
-- anew; modem_failures counts those), or until it is taken back from a modem that never took it; its gammu id joins it
-- to gammu's sentitems and outbox. A gateway or mail call that may have arrived marks the message for good
-- (gateway_maybe_delivered), and so does a call in flight (call_in_flight, set before the call, cleared when its
-- outcome is recorded): the modem never sends such a message. One message per transition across all channels.
ALTER TABLE notification ADD COLUMN modem_message_id INT;
ALTER TABLE notification ADD COLUMN gateway_maybe_delivered BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE notification ADD COLUMN call_in_flight BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE notification ADD COLUMN modem_failures INT NOT NULL DEFAULT 0;
CREATE INDEX notification_at_modem ON notification (modem_message_id) WHERE status = 'MODEM';

-- Link alerts go by email and, to the SMS contacts, by the modem.
ALTER TABLE link_alert ADD COLUMN channel TEXT NOT NULL DEFAULT 'EMAIL';
ALTER TABLE link_alert ADD COLUMN modem_message_id INT;
CREATE INDEX link_alert_at_modem ON link_alert (modem_message_id) WHERE status = 'MODEM';

-- Why the link is down, as submission-service diagnosed it: the alert says what to check first.
ALTER TABLE central_link_view ADD COLUMN diagnosis TEXT;

-- Status queries are answered by tracking code.
CREATE INDEX recipient_tracking_code ON recipient (tracking_code);

-- Every SMS the modem received, as this service handled it: one row per gammu inbox message, written in the
-- transaction that answers it, so a message is answered once. The answers per number per hour are counted here.
CREATE TABLE sms_query (
    inbox_id         INT         PRIMARY KEY,
    sender           TEXT        NOT NULL,
    tracking_code    TEXT,
    outcome          TEXT        NOT NULL,
    modem_message_id INT,
    received_at      TIMESTAMPTZ NOT NULL,
    handled_at       TIMESTAMPTZ NOT NULL
);
CREATE INDEX sms_query_answers ON sms_query (sender, handled_at) WHERE modem_message_id IS NOT NULL;
