/// The three files Railpack's PHP provider writes into every image unless the app has its own
/// (railpack:core/providers/php/php.go, embedded with go:embed). They reach the plan verbatim as
/// step assets, so an exact plan needs their exact bytes: they are carried here as data, each
/// cited, and are rendered as Go templates like a user's file would be.
enum PhpDefaultAssets {
    /// The default Caddyfile: FrankenPHP's `php_server` behind Caddy on `$PORT` (80 if unset), serving
    /// the document root the template is given, with compression and `.git`/`.env*` hidden
    /// (railpack:core/providers/php/Caddyfile).
    static let caddyfile = #"""
{
	admin off
	persist_config off
	auto_https off

  {$CADDY_GLOBAL_OPTIONS}

  log {
    format json
    output stderr
    level DEBUG
  }

	frankenphp {
		{$FRANKENPHP_CONFIG}
	}
}

{$CADDY_EXTRA_CONFIG}

:{$PORT:80} {
  {{if .RAILPACK_PHP_ROOT_DIR}}
    root * {{.RAILPACK_PHP_ROOT_DIR}}
  {{else}}
    root * /app
  {{end}}

	encode zstd br gzip

	file_server {
		hide .git
		hide .env*
	}

	{$CADDY_SERVER_EXTRA_DIRECTIVES}

	php_server
}

"""#

    /// The default php.ini, PHP's production settings with no memory or upload limits
    /// (railpack:core/providers/php/php.ini).
    static let phpIni = #"""
;; Based on https://github.com/php/php-src/blob/master/php.ini-production

[PHP]
engine = On
short_open_tag = Off
precision = 14
output_buffering = 4096
zlib.output_compression = Off
implicit_flush = Off
unserialize_callback_func =
serialize_precision = -1
disable_functions =
disable_classes =
zend.enable_gc = On
zend.exception_ignore_args = On
zend.exception_string_param_max_len = 0
expose_php = On
max_execution_time = 30
max_input_time = 60
memory_limit = -1
error_reporting = E_ALL & ~E_DEPRECATED & ~E_STRICT
display_errors = Off
display_startup_errors = Off
log_errors = On
ignore_repeated_errors = Off
ignore_repeated_source = Off
report_memleaks = On
variables_order = "GPCS"
request_order = "GP"
register_argc_argv = Off
auto_globals_jit = On
post_max_size = 0
auto_prepend_file =
auto_append_file =
default_mimetype = "text/html"
default_charset = "UTF-8"
doc_root =
user_dir =
enable_dl = Off
file_uploads = On
upload_max_filesize = 0
max_file_uploads = 20
allow_url_fopen = On
allow_url_include = Off
default_socket_timeout = 60
SMTP = localhost
smtp_port = 25
mail.add_x_header = Off
mail.mixed_lf_and_crlf = Off
odbc.allow_persistent = On
odbc.check_persistent = On
odbc.max_persistent = -1
odbc.max_links = -1
odbc.defaultlrl = 4096
odbc.defaultbinmode = 1
mysqli.max_persistent = -1
mysqli.allow_persistent = On
mysqli.max_links = -1
mysqli.default_port = 3306
mysqli.default_socket =
mysqli.default_host =
mysqli.default_user =
mysqli.default_pw =
mysqlnd.collect_statistics = On
mysqlnd.collect_memory_statistics = Off
pgsql.allow_persistent = On
pgsql.auto_reset_persistent = Off
pgsql.max_persistent = -1
pgsql.max_links = -1
pgsql.ignore_notice = 0
pgsql.log_notice = 0
bcmath.scale = 0
session.save_handler = files
session.use_strict_mode = 0
session.use_cookies = 1
session.use_only_cookies = 1
session.name = PHPSESSID
session.auto_start = 0
session.cookie_lifetime = 0
session.cookie_path = /
session.cookie_domain =
session.cookie_httponly =
session.cookie_samesite =
session.serialize_handler = php
session.gc_probability = 1
session.gc_divisor = 1000
session.gc_maxlifetime = 1440
session.cache_limiter = nocache
session.cache_expire = 180
session.use_trans_sid = 0
session.sid_length = 26
session.trans_sid_tags = "a=href,area=href,frame=src,form="
session.sid_bits_per_character = 5
zend.assertions = -1
tidy.clean_output = Off
soap.wsdl_cache_enabled = 1
soap.wsdl_cache_dir = "/tmp"
soap.wsdl_cache_ttl = 86400
soap.wsdl_cache_limit = 5
ldap.max_links = -1

[Pdo_mysql]
pdo_mysql.default_socket =

"""#

    /// The default start script: for Laravel, migrations (unless RAILPACK_SKIP_MIGRATIONS is "true"),
    /// the storage link and the optimize caches; then FrankenPHP with /Caddyfile
    /// (railpack:core/providers/php/start-container.sh).
    static let startContainerScript = #"""
#!/bin/bash

set -e

if [ "$IS_LARAVEL" = "true" ]; then
  if [ "$RAILPACK_SKIP_MIGRATIONS" != "true" ]; then
    # Run migrations and seeding
    echo "Running migrations and seeding database ..."
    php artisan migrate --force
  fi

  php artisan storage:link
  php artisan optimize:clear
  php artisan optimize

  echo "Starting Laravel server ..."
fi

# Start the FrankenPHP server
docker-php-entrypoint --config /Caddyfile --adapter caddyfile 2>&1

"""#
}
