// GENERATED FILE - DO NOT EDIT BY HAND.
// Made by scripts/generate-distribution-map.py --top 300 with Python 3.11.7
// from the ranks in /work/.library/env/packages/pypi.tsv and wheels fetched with `pip download`.
// 300 distributions mapped (177 from top_level.txt, 123 inferred from RECORD);
// 0 skipped because no wheel could be downloaded:

extension DistributionCatalog {
    /// One line per distribution, sorted: PEP 503 name, wheel version, source (`t` = top_level.txt,
    /// `r` = RECORD), comma-separated top-level import names (possibly empty), and for top-level names
    /// that are namespace packages in the wheel the first regular modules below them
    /// (`google.cloud.storage`). Tab-separated; one string so the compiler sees a single literal.
    static let generatedData: String = #"""
aiobotocore	3.10.0	r	aiobotocore	
aiofiles	25.1.0	r	aiofiles	
aiohappyeyeballs	2.7.1	r	aiohappyeyeballs	
aiohttp	3.14.5	t	aiohttp	
aiosignal	1.4.0	t	aiosignal	
alembic	1.20.1	t	alembic	
annotated-doc	0.0.7	r	annotated_doc	
annotated-types	0.8.0	r	annotated_types	
anthropic	2.14.0	r	anthropic	
anyio	4.16.0	t	anyio	
asgiref	3.13.0	t	asgiref	
asn1crypto	1.5.1	t	asn1crypto	
asttokens	3.0.2	t	asttokens	
async-timeout	5.0.1	t	async_timeout	
attrs	26.1.0	r	attr,attrs	
authlib	1.9.10	t	authlib	
awscli	1.46.3	t	awscli	
azure-core	1.41.0	t	azure	azure.core
azure-identity	1.27.0	t	azure,images	azure.identity
azure-storage-blob	12.31.1	t	azure	azure.storage.blob
babel	2.19.0	r	babel	
backoff	2.2.1	r	backoff	
bcrypt	5.0.0	t	bcrypt	
beautifulsoup4	4.15.0	r	bs4	
black	26.10.1	r	_black_version,black,blackd,blib2to3	
blinker	1.9.0	r	blinker	
boto3	1.44.8	t	boto3	
botocore	1.44.8	t	botocore	
build	1.6.1	r	build	
cachetools	8.0.2	t	cachetools	
certifi	2026.10.19.post1	t	certifi	
cffi	2.1.1	t	_cffi_backend,cffi	
cfgv	3.5.0	t	cfgv	
chardet	7.7.0	r	chardet	
charset-normalizer	3.5.3	t	charset_normalizer	
click	8.5.1	r	click	
cloudpickle	3.1.3	r	cloudpickle	
colorama	0.4.6	r	colorama	
contourpy	1.4.0	r	contourpy	
coverage	7.17.5	t	coverage	
cryptography	50.0.2	r	cryptography	
cycler	0.12.1	t	cycler	
cython	3.3.1	t	Cython,cython,pyximport	
databricks-sdk	0.162.0	t	databricks	
databricks-sql-connector	4.9.0	r	databricks	
datasets	5.2.0	t	datasets	
dbt-core	1.12.6	r	dbt	
decorator	5.3.1	t	decorator	
defusedxml	0.7.1	t	defusedxml	
deprecated	3.0.1	r	deprecated	
dill	0.4.1	t	dill	
distlib	0.4.4	t	distlib	
distro	1.9.0	t	distro	
dnspython	2.9.2	r	dns	
docker	7.2.0	r	docker	
docstring-parser	0.18.0	r	docstring_parser	
docutils	0.23	r	docutils	
durationpy	0.11	t	durationpy	
editables	0.6	r	editables	
email-validator	2.4.0	t	email_validator	
et-xmlfile	2.0.0	t	et_xmlfile	
exceptiongroup	1.3.2	r	exceptiongroup	
execnet	2.1.2	r	execnet	
executing	2.3.0	t	executing	
fastapi	0.165.0	r	fastapi	
fastjsonschema	2.22.3	t	fastjsonschema	
filelock	4.3.1	r	filelock	
flask	3.1.3	r	flask	
fonttools	4.68.0	t	fontTools	
frozenlist	1.8.0	t	frozenlist	
fsspec	2026.9.0	r	fsspec	
gcsfs	2026.10.1	r	gcsfs	
gitdb	4.0.12	t	gitdb	
gitpython	3.2.1	t	git	
google-analytics-admin	0.30.2	t	google	google.analytics.admin,google.analytics.admin_v1alpha,google.analytics.admin_v1beta
google-api-core	2.44.0	t	google	google.api_core
google-api-python-client	2.202.0	t	apiclient,googleapiclient	
google-auth	2.63.0	t	google	google.auth,google.oauth2
google-auth-httplib2	0.4.4	t	google_auth_httplib2	
google-auth-oauthlib	1.5.0	t	google_auth_oauthlib	
google-cloud-aiplatform	2.7.0	t	agentplatform,google,vertex_ray,vertexai	google.cloud.aiplatform,google.cloud.aiplatform_v1,google.cloud.aiplatform_v1beta1
google-cloud-batch	0.22.4	t	google	google.cloud.batch,google.cloud.batch_v1,google.cloud.batch_v1alpha
google-cloud-bigquery	3.47.0	t	google	google.cloud.bigquery,google.cloud.bigquery_v2
google-cloud-compute	1.57.0	t	google	google.cloud.compute,google.cloud.compute_v1
google-cloud-core	2.8.0	t	google	google.cloud._helpers,google.cloud._http,google.cloud._testing,google.cloud.client,google.cloud.environment_vars,google.cloud.exceptions,google.cloud.obsolete,google.cloud.operation,google.cloud.version
google-cloud-kms	3.18.0	t	google	google.cloud.kms,google.cloud.kms_v1
google-cloud-secret-manager	2.32.0	t	google	google.cloud.secretmanager,google.cloud.secretmanager_v1,google.cloud.secretmanager_v1beta1,google.cloud.secretmanager_v1beta2
google-cloud-storage	3.17.1	t	google	google.cloud._storage,google.cloud._storage_v2,google.cloud.storage
google-crc32c	1.9.0	t	google_crc32c	
google-genai	3.6.1	t	google	google.genai
google-resumable-media	2.11.0	t	google	google._async_resumable_media,google.resumable_media
googleapis-common-protos	1.76.0	t	google	google.api.annotations_pb2,google.api.auth_pb2,google.api.backend_pb2,google.api.billing_pb2,google.api.client_pb2,google.api.config_change_pb2,google.api.consumer_pb2,google.api.context_pb2,google.api.control_pb2,google.api.distribution_pb2,google.api.documentation_pb2,google.api.endpoint_pb2,google.api.error_reason_pb2,google.api.field_behavior_pb2,google.api.field_info_pb2,google.api.http_pb2,google.api.httpbody_pb2,google.api.label_pb2,google.api.launch_stage_pb2,google.api.log_pb2,google.api.logging_pb2,google.api.metric_pb2,google.api.monitored_resource_pb2,google.api.monitoring_pb2,google.api.policy_pb2,google.api.quota_pb2,google.api.resource_pb2,google.api.routing_pb2,google.api.service_pb2,google.api.source_info_pb2,google.api.system_parameter_pb2,google.api.usage_pb2,google.api.visibility_pb2,google.cloud.common_resources_pb2,google.cloud.extended_operations_pb2,google.cloud.location.locations_pb2,google.gapic.metadata.gapic_metadata_pb2,google.logging.type.http_request_pb2,google.logging.type.log_severity_pb2,google.longrunning.operations_grpc,google.longrunning.operations_grpc_pb2,google.longrunning.operations_pb2,google.longrunning.operations_pb2_grpc,google.longrunning.operations_proto,google.longrunning.operations_proto_pb2,google.rpc.code_pb2,google.rpc.context.attribute_context_pb2,google.rpc.context.audit_context_pb2,google.rpc.error_details_pb2,google.rpc.http_pb2,google.rpc.status_pb2,google.type.calendar_period_pb2,google.type.color_pb2,google.type.date_pb2,google.type.datetime_pb2,google.type.dayofweek_pb2,google.type.decimal_pb2,google.type.expr_pb2,google.type.fraction_pb2,google.type.interval_pb2,google.type.latlng_pb2,google.type.localized_text_pb2,google.type.money_pb2,google.type.month_pb2,google.type.phone_number_pb2,google.type.postal_address_pb2,google.type.quaternion_pb2,google.type.timeofday_pb2
greenlet	3.5.6	t	greenlet	
grpc-google-iam-v1	0.14.6	t	google	google.iam.v1
grpcio	1.85.3	t	grpc	
grpcio-status	1.85.3	t	grpc_status	
grpcio-tools	1.85.1	t	grpc_tools	
gunicorn	27.0.1	t	gunicorn	
h11	0.16.0	t	h11	
h2	4.4.1	t	h2	
hatchling	1.33.0	r	hatchling	
hf-xet	1.8.0	r	hf_xet	
hpack	4.2.0	t	hpack	
httpcore	1.0.9	r	httpcore	
httplib2	0.32.1	t	httplib2	
httptools	0.9.0	t	httptools	
httpx	0.28.1	r	httpx	
httpx-sse	0.4.3	t	httpx_sse	
huggingface-hub	2.4.0	t	huggingface_hub	
hyperframe	6.1.0	t	hyperframe	
identify	2.6.20	t	identify	
idna	3.20	r	idna	
importlib-metadata	10.2.0	t	importlib_metadata	
iniconfig	2.3.1	t	iniconfig	
ipython	9.18.1	t	IPython	
isodate	0.7.2	t	isodate	
itsdangerous	2.2.0	r	itsdangerous	
jaraco-classes	3.4.0	t	jaraco	jaraco.classes
jaraco-context	6.1.2	t	jaraco	jaraco.context
jaraco-functools	4.6.0	t	jaraco	jaraco.functools
jedi	0.20.1	t	jedi	
jeepney	0.9.0	r	jeepney	
jinja2	3.1.6	r	jinja2	
jiter	0.19.0	r	jiter	
jmespath	1.1.0	t	jmespath	
joblib	1.6.0	t	joblib	
jsonpatch	1.48	t	jsonpatch,jsonpatch-stubs,jsonpatch_cli	
jsonpointer	3.12	t	jsonpointer,jsonpointer-stubs	
jsonschema	4.26.0	r	jsonschema	
jsonschema-specifications	2025.9.1	r	jsonschema_specifications	
keyring	25.7.0	t	keyring	
kiwisolver	1.5.1	t	kiwisolver	
kubernetes	37.0.2	t	kubernetes	
langchain	1.5.2	r	langchain	
langchain-core	1.8.4	r	langchain_core	
librt	0.17.0	t	librt	librt.base64,librt.internal,librt.random,librt.strings,librt.threading,librt.time,librt.vecs
litellm	1.110.2	r	litellm,litellm_cli	
lxml	6.1.3	t	lxml	
mako	1.4.3	t	mako	
markdown-it-py	4.3.0	r	markdown_it	
markupsafe	3.0.4	t	markupsafe	
marshmallow	4.4.0	r	marshmallow	
matplotlib	3.11.2	r	matplotlib,mpl_toolkits,pylab	mpl_toolkits.axes_grid1,mpl_toolkits.axisartist,mpl_toolkits.mplot3d
matplotlib-inline	0.2.2	r	matplotlib_inline	
mcp	2.3.0	r	mcp	
mdurl	0.1.2	r	mdurl	
more-itertools	11.2.1	r	more_itertools	
mpmath	1.4.1	t	mpmath	
msal	1.39.0	t	msal	
msal-extensions	1.3.1	t	msal_extensions	
msgpack	1.2.4	t	msgpack	
multidict	7.2.1	t	multidict	
multiprocess	0.70.19	t	_multiprocess,multiprocess	
mypy	2.4.1	t	6ec57f84c680d3a3778b__mypyc,mypy,mypyc	
mypy-extensions	1.2.0	r	mypy_extensions	
nest-asyncio	1.6.0	t	nest_asyncio	
networkx	3.7	t	networkx	
nodeenv	1.12.0	t	nodeenv	
numpy	2.5.5	r	numpy	
oauthlib	4.0.1	t	oauthlib	
openai	3.57.0	r	openai	
openpyxl	3.1.5	t	openpyxl	
opentelemetry-api	1.45.2	r	opentelemetry	opentelemetry._logs,opentelemetry.attributes,opentelemetry.baggage,opentelemetry.context,opentelemetry.environment_variables,opentelemetry.metrics,opentelemetry.propagate,opentelemetry.propagators._envcarrier,opentelemetry.propagators.composite,opentelemetry.propagators.textmap,opentelemetry.trace,opentelemetry.util._decorator,opentelemetry.util._importlib_metadata,opentelemetry.util._once,opentelemetry.util._providers,opentelemetry.util.re,opentelemetry.util.types,opentelemetry.version
opentelemetry-exporter-otlp	1.45.2	r	opentelemetry	opentelemetry.exporter.otlp.version
opentelemetry-exporter-otlp-proto-common	1.45.2	r	opentelemetry	opentelemetry.exporter.otlp.proto.common
opentelemetry-exporter-otlp-proto-grpc	1.45.2	r	opentelemetry	opentelemetry.exporter.otlp.proto.grpc
opentelemetry-exporter-otlp-proto-http	1.45.2	r	opentelemetry	opentelemetry.exporter.otlp.proto.http
opentelemetry-instrumentation	0.66b2	r	opentelemetry	opentelemetry.instrumentation._labeler,opentelemetry.instrumentation._semconv,opentelemetry.instrumentation.auto_instrumentation,opentelemetry.instrumentation.bootstrap,opentelemetry.instrumentation.bootstrap_gen,opentelemetry.instrumentation.cidict,opentelemetry.instrumentation.dependencies,opentelemetry.instrumentation.distro,opentelemetry.instrumentation.environment_variables,opentelemetry.instrumentation.instrumentor,opentelemetry.instrumentation.log_utils,opentelemetry.instrumentation.propagators,opentelemetry.instrumentation.sqlcommenter_utils,opentelemetry.instrumentation.utils,opentelemetry.instrumentation.version
opentelemetry-instrumentation-requests	0.66b2	r	opentelemetry	opentelemetry.instrumentation.requests
opentelemetry-proto	1.45.2	r	opentelemetry	opentelemetry.proto
opentelemetry-sdk	1.45.2	r	opentelemetry	opentelemetry.sdk._configuration,opentelemetry.sdk._logs,opentelemetry.sdk._shared_internal,opentelemetry.sdk.environment_variables,opentelemetry.sdk.error_handler,opentelemetry.sdk.metrics,opentelemetry.sdk.resources,opentelemetry.sdk.trace,opentelemetry.sdk.util,opentelemetry.sdk.version
opentelemetry-semantic-conventions	0.66b2	r	opentelemetry	opentelemetry.semconv
opentelemetry-util-http	0.66b2	r	opentelemetry	opentelemetry.util.http
orjson	3.13.0	r	orjson	
packaging	26.4	r	packaging	
pandas	3.1.1	r	pandas	
pandas-stubs	3.1.0.261029	r		
paramiko	5.1.0	t	paramiko	
parso	0.8.7	t	parso	
pathspec	1.1.1	r	pathspec	
pexpect	4.9.0	t	pexpect	
pillow	13.0.0	t	PIL	
pip	26.3	r	pip	
platformdirs	4.14.8	r	platformdirs	
pluggy	1.7.0	t	pluggy	
poetry-core	2.5.0	r	poetry	poetry.core
pre-commit	4.7.0	t	pre_commit	
prometheus-client	0.26.0	t	prometheus_client	
prompt-toolkit	3.0.53	t	prompt_toolkit	
propcache	0.5.4	t	propcache	
proto-plus	1.29.0	t	proto	
protobuf	7.36.2	r	google	google._upb._message,google.protobuf
psutil	7.2.2	t	psutil	
psycopg2-binary	2.9.13	t	psycopg2	
ptyprocess	0.7.0	r	ptyprocess	
pure-eval	0.2.4	t	pure_eval	
pyarrow	26.0.1	r	pyarrow	
pyasn1	0.6.5	t	pyasn1	
pyasn1-modules	0.4.2	t	pyasn1_modules	
pycparser	3.12	t	pycparser	
pydantic	2.14.4	r	pydantic	
pydantic-ai-slim	2.68.0	r	pydantic_ai	
pydantic-core	2.50.5	r	pydantic_core	
pydantic-graph	2.68.0	r	pydantic_graph	
pydantic-settings	2.16.3	r	pydantic_settings	
pyee	16.0.1	t	pyee	
pygments	2.21.0	r	pygments	
pyjwt	2.15.1	t	jwt	
pynacl	1.6.2	t	_sodium,nacl	
pyopenssl	26.4.0	t	OpenSSL	
pyparsing	3.3.3	r	pyparsing	
pyproject-hooks	1.3.3	r	pyproject_hooks	
pytest	9.2.0	t	_pytest,py,pytest	
pytest-asyncio	1.5.0	t	pytest_asyncio	
pytest-cov	7.1.0	r	pytest_cov	
pytest-json-ctrf	0.6.1	t	ctrf	
pytest-xdist	3.8.0	t	xdist	
python-dateutil	4.0.0	r	dateutil	
python-discovery	1.9.6	r	python_discovery	
python-dotenv	1.2.4	t	dotenv	
python-json-logger	4.2.0	t	pythonjsonlogger	
python-multipart	0.0.34	r	multipart,python_multipart	
pytz	2026.6	t	pytz	
pyyaml	6.0.4	t	_yaml,yaml	
rapidfuzz	3.14.6	r	rapidfuzz	
redis	8.1.0	r	redis	
referencing	0.37.0	r	referencing	
regex	2026.11.19	t	regex	
requests	2.34.2	t	requests	
requests-oauthlib	2.0.0	t	requests_oauthlib	
requests-toolbelt	1.0.0	t	requests_toolbelt	
rich	15.0.0	r	rich	
rpds-py	2026.9.1	r	rpds	
rsa	4.9.1	r	rsa	
ruamel-yaml	0.19.1	t	ruamel	ruamel.yaml
ruff	0.17.6	r	ruff	
s3fs	2026.9.0	t	s3fs	
s3transfer	0.19.3	t	s3transfer	
scikit-learn	1.9.1	r	sklearn	
scipy	1.18.1	r	scipy	
secretstorage	3.5.0	t	secretstorage	
sentry-sdk	2.75.0	t	sentry_sdk	
setuptools	84.2.1	t	_distutils_hack,setuptools	
setuptools-scm	10.3.4	t	setuptools_scm	
sglang	0.5.10.post1	t	sglang,tools	tools.get_version_tag
shellingham	1.5.4	t	shellingham	
six	1.17.0	t	six	
smmap	5.0.3	t	smmap	
sniffio	1.3.1	t	sniffio	
snowflake-connector-python	5.2.0	r	snowflake	snowflake.connector
sortedcontainers	2.4.0	t	sortedcontainers	
soupsieve	4.1.3	r	soupsieve	
sqlalchemy	2.1.9	t	sqlalchemy	
sqlparse	0.6.1	r	sqlparse	
sse-starlette	3.7.0	t	sse_starlette	
stack-data	0.6.3	t	stack_data	
starlette	1.10.0	r	starlette	
sympy	1.14.0	t	isympy,sympy	
tabulate	0.10.0	t	tabulate	
tenacity	9.2.1	r	tenacity	
termcolor	3.3.0	r	termcolor	
textual	8.2.8	r	textual	
threadpoolctl	3.8.0	r	threadpoolctl	
tiktoken	0.14.0	t	tiktoken,tiktoken_ext	tiktoken_ext.openai_public
tokenizers	0.23.3	r	tokenizers	
toml	0.10.2	t	toml	
tomli	2.5.0	t	c787785866c7b801238d__mypyc,tomli	
tomlkit	0.15.2	r	tomlkit	
tornado	6.6.1	t	tornado	
tqdm	4.70.1	t	tqdm	
traitlets	5.16.1	r	traitlets	
transformers	5.24.0	t	transformers	
trove-classifiers	2026.9.21.13	t	trove_classifiers	
typer	0.29.2	r	typer	
types-requests	2.33.0.20261030	t	requests-stubs	
typing-extensions	4.16.0	r	typing_extensions	
typing-inspection	0.4.5	r	typing_inspection	
tzdata	2026.6	t	tzdata	
tzlocal	5.4.5	t	tzlocal	
uritemplate	4.2.0	t	uritemplate	
urllib3	2.8.0	r	urllib3	
uv	0.13.9	r	uv	
uvicorn	0.54.0	r	uvicorn	
uvloop	0.23.0	t	uvloop	
virtualenv	21.15.11	r	virtualenv	
watchfiles	1.3.0	r	watchfiles	
wcwidth	0.9.4	t	wcwidth	
weaviate-client	4.24.1	t	weaviate	
webencodings	0.6.1	r	webencodings	
websocket-client	1.9.2	t	websocket	
websockets	17.4	t	websockets	
werkzeug	3.1.9	r	werkzeug	
wheel	0.48.0	r	wheel	
wrapt	2.5.2	t	wrapt,wrapt-stubs	
xmltodict	1.0.4	t	xmltodict	
xxhash	4.1.0	t	_xxhash,xxhash	
yarl	1.25.1	t	yarl	
ydb	3.33.2	t	tests,ydb	
zipp	4.1.2	t	zipp	
zstandard	0.25.0	t	zstandard	
"""#
}
