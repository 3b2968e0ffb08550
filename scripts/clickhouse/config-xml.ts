/**
 * The two XML files one ClickHouse 18.16 shard needs (see ../shared/notes/clickhouse-18.16.md):
 * a server config on its own ports and directories naming the 2-shard `remote_servers` cluster,
 * and a users.xml whose default profile has poll_interval=1 (so SIGTERM does not wait 10 s on idle
 * inter-server connections) and add_http_cors_header=1 (so the workbench page can read answers).
 */

export interface ShardPorts {
  http: number;
  tcp: number;
  interserver: number;
}

/** The cluster name every Distributed table refers to. */
export const CLUSTER_NAME = 'pivotdeck';

/**
 * Server config for one shard.
 * @example
 * serverConfigXml({ dir: '/tmp/ch/s1', ports: { http: 18123, tcp: 19000, interserver: 19009 }, shardTcpPorts: [19000, 19100] });
 */
export function serverConfigXml(opts: { dir: string; ports: ShardPorts; shardTcpPorts: number[] }): string {
  const { dir, ports } = opts;
  const shards = opts.shardTcpPorts
    .map((p) => `      <shard><internal_replication>false</internal_replication><replica><host>127.0.0.1</host><port>${p}</port></replica></shard>`)
    .join('\n');
  return `<?xml version="1.0"?>
<yandex>
  <logger>
    <level>warning</level>
    <log>${dir}/log/server.log</log>
    <errorlog>${dir}/log/error.log</errorlog>
    <size>10M</size>
    <count>1</count>
  </logger>
  <listen_host>127.0.0.1</listen_host>
  <http_port>${ports.http}</http_port>
  <tcp_port>${ports.tcp}</tcp_port>
  <interserver_http_port>${ports.interserver}</interserver_http_port>
  <interserver_http_host>127.0.0.1</interserver_http_host>
  <max_connections>256</max_connections>
  <!-- Longer than Node fetch keeps idle sockets (4 s), so a reused socket is never one the server just closed. -->
  <keep_alive_timeout>60</keep_alive_timeout>
  <max_concurrent_queries>50</max_concurrent_queries>
  <uncompressed_cache_size>67108864</uncompressed_cache_size>
  <mark_cache_size>67108864</mark_cache_size>
  <path>${dir}/data/</path>
  <tmp_path>${dir}/tmp/</tmp_path>
  <user_files_path>${dir}/user_files/</user_files_path>
  <format_schema_path>${dir}/format_schemas/</format_schema_path>
  <users_config>${dir}/users.xml</users_config>
  <default_profile>default</default_profile>
  <default_database>default</default_database>
  <timezone>UTC</timezone>
  <mlock_executable>false</mlock_executable>
  <remote_servers>
    <${CLUSTER_NAME}>
${shards}
    </${CLUSTER_NAME}>
  </remote_servers>
  <builtin_dictionaries_reload_interval>3600</builtin_dictionaries_reload_interval>
  <max_session_timeout>3600</max_session_timeout>
  <default_session_timeout>60</default_session_timeout>
</yandex>
`;
}

/**
 * users.xml: user `default`, no password, loopback only, no quota limits.
 * @example
 * usersXml(); // '<?xml …<poll_interval>1</poll_interval>…'
 */
export function usersXml(): string {
  return `<?xml version="1.0"?>
<yandex>
  <profiles>
    <default>
      <max_memory_usage>2000000000</max_memory_usage>
      <use_uncompressed_cache>0</use_uncompressed_cache>
      <load_balancing>random</load_balancing>
      <poll_interval>1</poll_interval>
      <add_http_cors_header>1</add_http_cors_header>
    </default>
  </profiles>
  <users>
    <default>
      <password></password>
      <networks><ip>127.0.0.1</ip><ip>::1</ip></networks>
      <profile>default</profile>
      <quota>default</quota>
    </default>
  </users>
  <quotas>
    <default>
      <interval><duration>3600</duration><queries>0</queries><errors>0</errors><result_rows>0</result_rows><read_rows>0</read_rows><execution_time>0</execution_time></interval>
    </default>
  </quotas>
</yandex>
`;
}
