-- PqlGrains schema 1: what the Orleans 10.4.2 ADO.NET providers (clustering, grain storage,
-- reminders) expect to find. Written against the provider contract: Orleans looks queries up
-- by key in OrleansQuery and reads results by column name, so names and types below are the
-- contract and must not change. Every statement is idempotent so that a half-applied or
-- hand-created schema converges instead of failing.

CREATE TABLE IF NOT EXISTS OrleansQuery
(
    QueryKey  varchar(64)   NOT NULL,
    QueryText varchar(8000) NOT NULL,
    CONSTRAINT OrleansQuery_Key PRIMARY KEY (QueryKey)
);

-- Clustering ----------------------------------------------------------------------------

-- One row per cluster; Version is the optimistic-concurrency token of the membership table.
CREATE TABLE IF NOT EXISTS OrleansMembershipVersionTable
(
    DeploymentId varchar(150)   NOT NULL,
    Timestamp    timestamptz(3) NOT NULL DEFAULT now(),
    Version      integer        NOT NULL DEFAULT 0,
    CONSTRAINT PK_OrleansMembershipVersionTable_DeploymentId PRIMARY KEY (DeploymentId)
);

-- One row per silo incarnation (address, port, generation).
CREATE TABLE IF NOT EXISTS OrleansMembershipTable
(
    DeploymentId varchar(150)   NOT NULL,
    Address      varchar(45)    NOT NULL,
    Port         integer        NOT NULL,
    Generation   integer        NOT NULL,
    SiloName     varchar(150)   NOT NULL,
    HostName     varchar(150)   NOT NULL,
    Status       integer        NOT NULL,
    ProxyPort    integer        NULL,
    SuspectTimes varchar(8000)  NULL,
    StartTime    timestamptz(3) NOT NULL,
    IAmAliveTime timestamptz(3) NOT NULL,
    CONSTRAINT PK_MembershipTable_DeploymentId PRIMARY KEY (DeploymentId, Address, Port, Generation),
    CONSTRAINT FK_MembershipTable_MembershipVersionTable_DeploymentId
        FOREIGN KEY (DeploymentId) REFERENCES OrleansMembershipVersionTable (DeploymentId)
);

CREATE OR REPLACE FUNCTION pql_touch_silo(
    p_deployment_id varchar, p_address varchar, p_port integer, p_generation integer, p_i_am_alive timestamptz)
RETURNS void
LANGUAGE sql AS
$$
    UPDATE OrleansMembershipTable
       SET IAmAliveTime = p_i_am_alive
     WHERE DeploymentId = p_deployment_id
       AND Address = p_address
       AND Port = p_port
       AND Generation = p_generation;
$$;

-- Returns 1 when the version row was created, 0 when it already existed (Orleans treats 0 as
-- "someone else created it", which is fine).
CREATE OR REPLACE FUNCTION pql_insert_membership_version(p_deployment_id varchar)
RETURNS TABLE (row_count integer)
LANGUAGE plpgsql AS
$$
DECLARE
    affected integer;
BEGIN
    INSERT INTO OrleansMembershipVersionTable (DeploymentId)
    VALUES (p_deployment_id)
    ON CONFLICT (DeploymentId) DO NOTHING;
    GET DIAGNOSTICS affected = ROW_COUNT;
    RETURN QUERY SELECT affected;
END
$$;

-- Inserts a silo row and bumps the table version in one step; the version check makes
-- concurrent membership changes fail cleanly (0) instead of overwriting each other.
CREATE OR REPLACE FUNCTION pql_insert_membership(
    p_deployment_id varchar, p_address varchar, p_port integer, p_generation integer,
    p_silo_name varchar, p_host_name varchar, p_status integer, p_proxy_port integer,
    p_start_time timestamptz, p_i_am_alive timestamptz, p_version integer)
RETURNS TABLE (row_count integer)
LANGUAGE plpgsql AS
$$
DECLARE
    affected integer;
BEGIN
    INSERT INTO OrleansMembershipTable
        (DeploymentId, Address, Port, Generation, SiloName, HostName, Status, ProxyPort, StartTime, IAmAliveTime)
    VALUES
        (p_deployment_id, p_address, p_port, p_generation, p_silo_name, p_host_name, p_status, p_proxy_port, p_start_time, p_i_am_alive)
    ON CONFLICT (DeploymentId, Address, Port, Generation) DO NOTHING;
    GET DIAGNOSTICS affected = ROW_COUNT;
    IF affected = 0 THEN
        RETURN QUERY SELECT 0;
        RETURN;
    END IF;

    UPDATE OrleansMembershipVersionTable
       SET Timestamp = now(), Version = Version + 1
     WHERE DeploymentId = p_deployment_id AND Version = p_version;
    GET DIAGNOSTICS affected = ROW_COUNT;
    IF affected = 0 THEN
        -- Lost the race on the table version: undo the silo row so the caller can retry.
        RAISE EXCEPTION USING ERRCODE = 'P0001', MESSAGE = 'pql: membership version changed';
    END IF;
    RETURN QUERY SELECT affected;
EXCEPTION
    WHEN SQLSTATE 'P0001' THEN
        RETURN QUERY SELECT 0;
END
$$;

CREATE OR REPLACE FUNCTION pql_update_membership(
    p_deployment_id varchar, p_address varchar, p_port integer, p_generation integer,
    p_status integer, p_suspect_times varchar, p_i_am_alive timestamptz, p_version integer)
RETURNS TABLE (row_count integer)
LANGUAGE plpgsql AS
$$
DECLARE
    affected integer;
BEGIN
    UPDATE OrleansMembershipVersionTable
       SET Timestamp = now(), Version = Version + 1
     WHERE DeploymentId = p_deployment_id AND Version = p_version;
    GET DIAGNOSTICS affected = ROW_COUNT;
    IF affected = 0 THEN
        RETURN QUERY SELECT 0;
        RETURN;
    END IF;

    UPDATE OrleansMembershipTable
       SET Status = p_status, SuspectTimes = p_suspect_times, IAmAliveTime = p_i_am_alive
     WHERE DeploymentId = p_deployment_id
       AND Address = p_address
       AND Port = p_port
       AND Generation = p_generation;
    GET DIAGNOSTICS affected = ROW_COUNT;
    IF affected = 0 THEN
        -- No such silo row: keep the version bump from standing alone.
        RAISE EXCEPTION USING ERRCODE = 'P0001', MESSAGE = 'pql: membership row not found';
    END IF;
    RETURN QUERY SELECT affected;
EXCEPTION
    WHEN SQLSTATE 'P0001' THEN
        RETURN QUERY SELECT 0;
END
$$;

-- Grain storage -------------------------------------------------------------------------

CREATE TABLE IF NOT EXISTS OrleansStorage
(
    GrainIdHash            integer      NOT NULL,
    GrainIdN0              bigint       NOT NULL,
    GrainIdN1              bigint       NOT NULL,
    GrainTypeHash          integer      NOT NULL,
    GrainTypeString        varchar(512) NOT NULL,
    GrainIdExtensionString varchar(512) NULL,
    ServiceId              varchar(150) NOT NULL,
    PayloadBinary          bytea        NULL,
    ModifiedOn             timestamptz  NOT NULL,
    Version                integer      NULL
);

CREATE INDEX IF NOT EXISTS ix_orleansstorage ON OrleansStorage (GrainIdHash, GrainTypeHash);

-- Writes a grain's state under optimistic concurrency. Returns the new version, or the
-- caller's version unchanged when another writer got there first (Orleans then raises
-- InconsistentStateException).
CREATE OR REPLACE FUNCTION pql_write_grain_state(
    p_grain_id_hash integer, p_grain_id_n0 bigint, p_grain_id_n1 bigint, p_grain_type_hash integer,
    p_grain_type varchar, p_grain_id_extension varchar, p_service_id varchar,
    p_version integer, p_payload bytea)
RETURNS TABLE (NewGrainStateVersion integer)
LANGUAGE plpgsql AS
$$
DECLARE
    affected integer;
BEGIN
    IF p_version IS NOT NULL THEN
        UPDATE OrleansStorage
           SET PayloadBinary = p_payload, ModifiedOn = now(), Version = Version + 1
         WHERE GrainIdHash = p_grain_id_hash
           AND GrainTypeHash = p_grain_type_hash
           AND GrainIdN0 = p_grain_id_n0
           AND GrainIdN1 = p_grain_id_n1
           AND GrainTypeString = p_grain_type
           AND GrainIdExtensionString IS NOT DISTINCT FROM p_grain_id_extension
           AND ServiceId = p_service_id
           AND Version = p_version;
        GET DIAGNOSTICS affected = ROW_COUNT;
        RETURN QUERY SELECT CASE WHEN affected > 0 THEN p_version + 1 ELSE p_version END;
        RETURN;
    END IF;

    INSERT INTO OrleansStorage
        (GrainIdHash, GrainIdN0, GrainIdN1, GrainTypeHash, GrainTypeString, GrainIdExtensionString,
         ServiceId, PayloadBinary, ModifiedOn, Version)
    SELECT p_grain_id_hash, p_grain_id_n0, p_grain_id_n1, p_grain_type_hash, p_grain_type, p_grain_id_extension,
           p_service_id, p_payload, now(), 1
     WHERE NOT EXISTS (
        SELECT 1 FROM OrleansStorage
         WHERE GrainIdHash = p_grain_id_hash
           AND GrainTypeHash = p_grain_type_hash
           AND GrainIdN0 = p_grain_id_n0
           AND GrainIdN1 = p_grain_id_n1
           AND GrainTypeString = p_grain_type
           AND GrainIdExtensionString IS NOT DISTINCT FROM p_grain_id_extension
           AND ServiceId = p_service_id);
    GET DIAGNOSTICS affected = ROW_COUNT;
    RETURN QUERY SELECT CASE WHEN affected > 0 THEN 1 ELSE NULL::integer END;
END
$$;

-- Reminders -----------------------------------------------------------------------------

CREATE TABLE IF NOT EXISTS OrleansRemindersTable
(
    ServiceId    varchar(150)   NOT NULL,
    GrainId      varchar(150)   NOT NULL,
    ReminderName varchar(150)   NOT NULL,
    StartTime    timestamptz(3) NOT NULL,
    Period       bigint         NOT NULL,
    GrainHash    integer        NOT NULL,
    Version      integer        NOT NULL,
    CONSTRAINT PK_RemindersTable_ServiceId_GrainId_ReminderName PRIMARY KEY (ServiceId, GrainId, ReminderName)
);

-- Every silo re-reads the reminders of its hash ring range on each membership change; without
-- this index that is a full scan of the table.
CREATE INDEX IF NOT EXISTS ix_orleansreminderstable_grainhash ON OrleansRemindersTable (ServiceId, GrainHash);

CREATE OR REPLACE FUNCTION pql_upsert_reminder(
    p_service_id varchar, p_grain_id varchar, p_reminder_name varchar,
    p_start_time timestamptz, p_period bigint, p_grain_hash integer)
RETURNS TABLE (Version integer)
LANGUAGE sql AS
$$
    INSERT INTO OrleansRemindersTable AS r
        (ServiceId, GrainId, ReminderName, StartTime, Period, GrainHash, Version)
    VALUES
        (p_service_id, p_grain_id, p_reminder_name, p_start_time, p_period, p_grain_hash, 0)
    ON CONFLICT (ServiceId, GrainId, ReminderName) DO UPDATE
       SET StartTime = excluded.StartTime,
           Period = excluded.Period,
           GrainHash = excluded.GrainHash,
           Version = r.Version + 1
    RETURNING r.Version;
$$;

CREATE OR REPLACE FUNCTION pql_delete_reminder(
    p_service_id varchar, p_grain_id varchar, p_reminder_name varchar, p_version integer)
RETURNS TABLE (row_count integer)
LANGUAGE plpgsql AS
$$
DECLARE
    affected integer;
BEGIN
    DELETE FROM OrleansRemindersTable
     WHERE ServiceId = p_service_id
       AND GrainId = p_grain_id
       AND ReminderName = p_reminder_name
       AND Version = p_version;
    GET DIAGNOSTICS affected = ROW_COUNT;
    RETURN QUERY SELECT affected;
END
$$;

-- The queries Orleans runs, by key. Parameters are bound by name (@Name); result columns are
-- read by name. ON CONFLICT DO UPDATE keeps the rows in step with this file on re-runs.

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES
('UpdateIAmAlivetimeKey',
 'SELECT pql_touch_silo(@DeploymentId, @Address, @Port, @Generation, @IAmAliveTime);'),

('InsertMembershipVersionKey',
 'SELECT row_count FROM pql_insert_membership_version(@DeploymentId);'),

('InsertMembershipKey',
 'SELECT row_count FROM pql_insert_membership(@DeploymentId, @Address, @Port, @Generation, @SiloName, @HostName, @Status, @ProxyPort, @StartTime, @IAmAliveTime, @Version);'),

('UpdateMembershipKey',
 'SELECT row_count FROM pql_update_membership(@DeploymentId, @Address, @Port, @Generation, @Status, @SuspectTimes, @IAmAliveTime, @Version);'),

('MembershipReadRowKey',
 'SELECT v.DeploymentId, m.Address, m.Port, m.Generation, m.SiloName, m.HostName, m.Status, m.ProxyPort,
         m.SuspectTimes, m.StartTime, m.IAmAliveTime, v.Version
    FROM OrleansMembershipVersionTable v
    LEFT JOIN OrleansMembershipTable m
      ON m.DeploymentId = v.DeploymentId
     AND m.Address = @Address AND m.Port = @Port AND m.Generation = @Generation
   WHERE v.DeploymentId = @DeploymentId;'),

('MembershipReadAllKey',
 'SELECT v.DeploymentId, m.Address, m.Port, m.Generation, m.SiloName, m.HostName, m.Status, m.ProxyPort,
         m.SuspectTimes, m.StartTime, m.IAmAliveTime, v.Version
    FROM OrleansMembershipVersionTable v
    LEFT JOIN OrleansMembershipTable m ON m.DeploymentId = v.DeploymentId
   WHERE v.DeploymentId = @DeploymentId;'),

('DeleteMembershipTableEntriesKey',
 'DELETE FROM OrleansMembershipTable WHERE DeploymentId = @DeploymentId;
  DELETE FROM OrleansMembershipVersionTable WHERE DeploymentId = @DeploymentId;'),

('GatewaysQueryKey',
 'SELECT Address, ProxyPort, Generation
    FROM OrleansMembershipTable
   WHERE DeploymentId = @DeploymentId AND Status = @Status AND ProxyPort > 0;'),

('CleanupDefunctSiloEntriesKey',
 'DELETE FROM OrleansMembershipTable
   WHERE DeploymentId = @DeploymentId AND IAmAliveTime < @IAmAliveTime AND Status <> 3;'),

('WriteToStorageKey',
 'SELECT NewGrainStateVersion FROM pql_write_grain_state(@GrainIdHash, @GrainIdN0, @GrainIdN1, @GrainTypeHash, @GrainTypeString, @GrainIdExtensionString, @ServiceId, @GrainStateVersion, @PayloadBinary);'),

('ReadFromStorageKey',
 'SELECT PayloadBinary, now() AS ReadOn, Version
    FROM OrleansStorage
   WHERE GrainIdHash = @GrainIdHash
     AND GrainTypeHash = @GrainTypeHash
     AND GrainIdN0 = @GrainIdN0
     AND GrainIdN1 = @GrainIdN1
     AND GrainTypeString = @GrainTypeString
     AND GrainIdExtensionString IS NOT DISTINCT FROM @GrainIdExtensionString
     AND ServiceId = @ServiceId;'),

('ClearStorageKey',
 'UPDATE OrleansStorage
     SET PayloadBinary = NULL, Version = Version + 1
   WHERE GrainIdHash = @GrainIdHash
     AND GrainTypeHash = @GrainTypeHash
     AND GrainIdN0 = @GrainIdN0
     AND GrainIdN1 = @GrainIdN1
     AND GrainTypeString = @GrainTypeString
     AND GrainIdExtensionString IS NOT DISTINCT FROM @GrainIdExtensionString
     AND ServiceId = @ServiceId
     AND Version = @GrainStateVersion
  RETURNING Version AS NewGrainStateVersion;'),

('DeleteStorageKey',
 'DELETE FROM OrleansStorage
   WHERE GrainIdHash = @GrainIdHash
     AND GrainTypeHash = @GrainTypeHash
     AND GrainIdN0 = @GrainIdN0
     AND GrainIdN1 = @GrainIdN1
     AND GrainTypeString = @GrainTypeString
     AND GrainIdExtensionString IS NOT DISTINCT FROM @GrainIdExtensionString
     AND ServiceId = @ServiceId
     AND Version = @GrainStateVersion
  RETURNING Version + 1 AS NewGrainStateVersion;'),

('UpsertReminderRowKey',
 'SELECT Version FROM pql_upsert_reminder(@ServiceId, @GrainId, @ReminderName, @StartTime, @Period, @GrainHash);'),

('ReadReminderRowsKey',
 'SELECT GrainId, ReminderName, StartTime, Period, Version
    FROM OrleansRemindersTable
   WHERE ServiceId = @ServiceId AND GrainId = @GrainId;'),

('ReadReminderRowKey',
 'SELECT GrainId, ReminderName, StartTime, Period, Version
    FROM OrleansRemindersTable
   WHERE ServiceId = @ServiceId AND GrainId = @GrainId AND ReminderName = @ReminderName;'),

('ReadRangeRows1Key',
 'SELECT GrainId, ReminderName, StartTime, Period, Version
    FROM OrleansRemindersTable
   WHERE ServiceId = @ServiceId AND GrainHash > @BeginHash AND GrainHash <= @EndHash;'),

('ReadRangeRows2Key',
 'SELECT GrainId, ReminderName, StartTime, Period, Version
    FROM OrleansRemindersTable
   WHERE ServiceId = @ServiceId AND (GrainHash > @BeginHash OR GrainHash <= @EndHash);'),

('DeleteReminderRowKey',
 'SELECT row_count FROM pql_delete_reminder(@ServiceId, @GrainId, @ReminderName, @Version);'),

('DeleteReminderRowsKey',
 'DELETE FROM OrleansRemindersTable WHERE ServiceId = @ServiceId;')
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = excluded.QueryText;
