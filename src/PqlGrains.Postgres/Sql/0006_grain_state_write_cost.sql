-- PqlGrains schema 6: cheaper grain state writes. Under ingest load PostgreSQL spent about a tenth of its CPU in
-- pglz compressing lead and account states (2-4 KB, over the 2 KB TOAST threshold) and ran a RETURN QUERY (a
-- query of its own, with a result store) per row of every group-committed batch.

-- lz4 compresses several times faster than the default pglz. Values already stored keep their method and read as
-- before; a server older than 14 or built without lz4 keeps pglz. The ALTER takes the table's strongest lock: while
-- it waits, every grain state read and write of a running cluster queues behind it, so it waits 5 s at most (a backup
-- or a long transaction holding the table) and the migration fails with what to do instead of stalling the cluster.
DO $$
DECLARE
    previous_timeout text := current_setting('lock_timeout');
BEGIN
    IF current_setting('server_version_num')::integer >= 140000 THEN
        PERFORM set_config('lock_timeout', '5s', true);
        BEGIN
            EXECUTE 'ALTER TABLE OrleansStorage ALTER COLUMN PayloadBinary SET COMPRESSION lz4';
        EXCEPTION
            WHEN feature_not_supported THEN
                RAISE NOTICE 'PostgreSQL was built without lz4: grain state payloads stay compressed with pglz';
            WHEN lock_not_available THEN
                RAISE EXCEPTION 'schema 6 could not lock OrleansStorage within 5 s: another session holds it (a backup or a long transaction)'
                    USING HINT = 'Run `pql db migrate` again once it has finished; nothing of schema 6 was applied.';
        END;
        PERFORM set_config('lock_timeout', previous_timeout, true);
    END IF;
END
$$;

-- pql_write_grain_state's check and outcome as a plain function: the new version, the caller's version unchanged
-- when another writer got there first, or NULL for an insert another writer won. Grain state batches call it once
-- per row; pql_write_grain_state, which Orleans' ADO.NET provider calls (Pql:Database:GrainStorage=AdoNet), now
-- returns what it returns.
CREATE OR REPLACE FUNCTION pql_store_grain_state(
    p_grain_id_hash integer, p_grain_id_n0 bigint, p_grain_id_n1 bigint, p_grain_type_hash integer,
    p_grain_type varchar, p_grain_id_extension varchar, p_service_id varchar,
    p_version integer, p_payload bytea)
RETURNS integer
LANGUAGE plpgsql AS
$$
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
        RETURN CASE WHEN FOUND THEN p_version + 1 ELSE p_version END;
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
    RETURN CASE WHEN FOUND THEN 1 ELSE NULL::integer END;
END
$$;

CREATE OR REPLACE FUNCTION pql_write_grain_state(
    p_grain_id_hash integer, p_grain_id_n0 bigint, p_grain_id_n1 bigint, p_grain_type_hash integer,
    p_grain_type varchar, p_grain_id_extension varchar, p_service_id varchar,
    p_version integer, p_payload bytea)
RETURNS TABLE (NewGrainStateVersion integer)
LANGUAGE sql AS
$$
    SELECT pql_store_grain_state(
        p_grain_id_hash, p_grain_id_n0, p_grain_id_n1, p_grain_type_hash,
        p_grain_type, p_grain_id_extension, p_service_id, p_version, p_payload);
$$;
