-- Why the link is down (UPLINK_DOWN, CENTRAL_ERRORS, CENTRAL_REFUSES); null while it is up.
ALTER TABLE central_link ADD COLUMN diagnosis TEXT;
