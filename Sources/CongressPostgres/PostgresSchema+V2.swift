/// Version 2 of the PostgreSQL schema, for several servers on one database: the sign-in
/// throttle's records, so that every server slows down the same guesses, and a notification on
/// channel `congress_round` (payload: the round's id) whenever a round changes, so that every
/// server's projector feeds learn of it at once. Shipped: never edit this SQL.
extension PostgresSchema {
    static let v2 = Version(number: 2, name: "sign-in throttle and round notifications shared by the servers", sql: [
        """
        CREATE TABLE sign_in_record (
            key text PRIMARY KEY CHECK (length(key) BETWEEN 1 AND 600),
            failures integer NOT NULL CHECK (failures >= 1),
            last_failure double precision NOT NULL,
            retry_at double precision NOT NULL,
            audited_first boolean NOT NULL,
            audited_slowed boolean NOT NULL)
        """,
        "CREATE INDEX sign_in_record_last ON sign_in_record(last_failure)",
        """
        CREATE FUNCTION notify_round_change() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            PERFORM pg_notify('congress_round', NEW.id::text);
            RETURN NULL;
        END $$
        """,
        """
        CREATE TRIGGER counting_round_changed AFTER UPDATE ON counting_round
            FOR EACH ROW WHEN (OLD.state IS DISTINCT FROM NEW.state OR OLD.result IS DISTINCT FROM NEW.result)
            EXECUTE FUNCTION notify_round_change()
        """,
    ])
}
