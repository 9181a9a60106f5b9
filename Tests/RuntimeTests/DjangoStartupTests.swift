import Findings
import Foundation
import Railway
import Runtime
import Snapshot
import Testing
import TestSupport

/// Django start-up through `python manage.py migrate` (Railpack's and Nixpacks' Django command),
/// predicted through the whole pipeline, and compared with real Django 6.1.3 where available.
@Suite("Django start-up")
struct DjangoStartupTests {
    /// django-admin startproject's manage.py (django/conf/project_template/manage.py-tpl, 6.1.3).
    static let manage = """
    #!/usr/bin/env python
    \"\"\"Django's command-line utility for administrative tasks.\"\"\"
    import os
    import sys


    def main():
        \"\"\"Run administrative tasks.\"\"\"
        os.environ.setdefault('DJANGO_SETTINGS_MODULE', 'mysite.settings')
        try:
            from django.core.management import execute_from_command_line
        except ImportError as exc:
            raise ImportError(
                "Couldn't import Django. Are you sure it's installed and "
                "available on your PYTHONPATH environment variable? Did you "
                "forget to activate a virtual environment?"
            ) from exc
        execute_from_command_line(sys.argv)


    if __name__ == '__main__':
        main()

    """

    static func settings(apps: String = "'django.contrib.contenttypes',\n    'django.contrib.auth',", urlconf: String = "'mysite.urls'") -> String {
        """
        from pathlib import Path
        BASE_DIR = Path(__file__).resolve().parent.parent
        SECRET_KEY = 'x'
        DEBUG = True
        ALLOWED_HOSTS = []
        INSTALLED_APPS = [
            \(apps)
        ]
        MIDDLEWARE = []
        ROOT_URLCONF = \(urlconf)
        WSGI_APPLICATION = 'mysite.wsgi.application'
        DATABASES = {'default': {'ENGINE': 'django.db.backends.sqlite3', 'NAME': BASE_DIR / 'db.sqlite3'}}
        USE_TZ = True

        """
    }

    static func project(python: String, requirements: String = "django\n", settings: String = settings(), extra: [String: String] = [:],
                        command: String = "check") -> [String: String] {
        var files = [
            "Dockerfile": "FROM python:\(python)-slim\nWORKDIR /app\nCOPY . .\nRUN pip install -r requirements.txt\nCMD [\"python\", \"manage.py\", \"\(command)\"]\n",
            "requirements.txt": requirements,
            "manage.py": manage,
            "mysite/__init__.py": "",
            "mysite/settings.py": settings,
            "mysite/urls.py": "urlpatterns = []\n",
            "mysite/wsgi.py": "import os\nfrom django.core.wsgi import get_wsgi_application\nos.environ.setdefault('DJANGO_SETTINGS_MODULE', 'mysite.settings')\napplication = get_wsgi_application()\n",
        ]
        for (path, text) in extra { files[path] = text }
        return files
    }

    static func assess(_ files: [String: String], name: String = "django") throws -> ServiceAssessment {
        try Pipeline.assess(ServiceSettings(name: name, rootDirectory: "/"), in: RepoSnapshot.inMemory(files, name: name), options: .testDay)
    }

    @Test("Django not installed: the template's chained ImportError, exactly")
    func djangoMissing() throws {
        let assessment = try Self.assess(Self.project(python: "3.13.0", requirements: "gunicorn\n"))
        let failure = try #require(assessment.runtime.failure)
        #expect(failure.exitCode == 1)
        #expect(failure.exact)
        #expect(failure.stderr == """
        Traceback (most recent call last):
          File "/app/manage.py", line 11, in main
            from django.core.management import execute_from_command_line
        ModuleNotFoundError: No module named 'django'

        The above exception was the direct cause of the following exception:

        Traceback (most recent call last):
          File "/app/manage.py", line 22, in <module>
            main()
            ~~~~^^
          File "/app/manage.py", line 13, in main
            raise ImportError(
            ...<3 lines>...
            ) from exc
        ImportError: Couldn't import Django. Are you sure it's installed and available on your PYTHONPATH environment variable? Did you forget to activate a virtual environment?

        """)
    }

    @Test("a missing INSTALLED_APPS entry: Django's frames for 6.1.3 on 3.12.1")
    func missingApp() throws {
        let settings = Self.settings(apps: "'django.contrib.contenttypes',\n    'nosuchapp',")
        let assessment = try Self.assess(Self.project(python: "3.12.1", settings: settings, command: "migrate"))
        let failure = try #require(assessment.runtime.failure)
        #expect(failure.exact)
        #expect(failure.stderr.hasPrefix("""
        Traceback (most recent call last):
          File "/app/manage.py", line 22, in <module>
            main()
          File "/app/manage.py", line 18, in main
            execute_from_command_line(sys.argv)
          File "/usr/local/lib/python3.12/site-packages/django/core/management/__init__.py", line 443, in execute_from_command_line
        """))
        #expect(failure.stderr.hasSuffix("""
          File "/usr/local/lib/python3.12/site-packages/django/apps/config.py", line 193, in create
            import_module(entry)
          File "/usr/local/lib/python3.12/importlib/__init__.py", line 90, in import_module
            return _bootstrap._gcd_import(name[level:], package, level)
                   ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
          File "<frozen importlib._bootstrap>", line 1387, in _gcd_import
          File "<frozen importlib._bootstrap>", line 1360, in _find_and_load
          File "<frozen importlib._bootstrap>", line 1324, in _find_and_load_unlocked
        ModuleNotFoundError: No module named 'nosuchapp'

        """))
    }

    @Test("INSTALLED_APPS that is not a literal is reported, not guessed")
    func nonLiteralApps() throws {
        let settings = Self.settings().replacingOccurrences(of: "INSTALLED_APPS = [", with: "INSTALLED_APPS = BASE + [")
        let assessment = try Self.assess(Self.project(python: "3.12.1", settings: settings))
        #expect(assessment.runtime.notes.contains { if case .notSimulated(let text) = $0 { return text.contains("INSTALLED_APPS") && text.contains("cannot evaluate it statically") }; return false })
    }

    @Test("migrate at start-up is a finding: it needs the database")
    func migrateNote() throws {
        let assessment = try Self.assess(Self.project(python: "3.12.1", command: "migrate"))
        #expect(assessment.runtime.failure == nil)
        #expect(assessment.findings.contains { $0.message.contains("migrate") && $0.message.contains("database") })
    }

    @Test("a missing ROOT_URLCONF and a settings module importing a missing module")
    func urlconfAndSettingsBody() throws {
        let urlconf = try Self.assess(Self.project(python: "3.12.1", settings: Self.settings(urlconf: "'nosuchurls'"), command: "migrate"))
        #expect(urlconf.runtime.failure?.stderr.hasSuffix("ModuleNotFoundError: No module named 'nosuchurls'\n") == true)
        // Which URL check imports it first varies between runs (a set of checks): not exact.
        #expect(urlconf.runtime.failure?.exact == false)
        let body = try Self.assess(Self.project(python: "3.12.1", settings: "import dj_database_url\n" + Self.settings(), command: "migrate"))
        #expect(body.runtime.failure?.stderr.hasSuffix("""
          File "/app/mysite/settings.py", line 1, in <module>
            import dj_database_url
        ModuleNotFoundError: No module named 'dj_database_url'

        """) == true)
    }

    // MARK: gunicorn serving wsgi.py (Railpack's Django command)

    static func gunicornProject(settings: String = settings(), wsgi: String? = nil, extra: [String: String] = [:]) -> [String: String] {
        var files = project(python: "3.12.1", requirements: "django\ngunicorn\n", settings: settings, extra: extra)
        files["Dockerfile"] = "FROM python:3.12.1-slim\nWORKDIR /app\nCOPY . .\nRUN pip install -r requirements.txt\nCMD gunicorn --bind 0.0.0.0:${PORT:-8000} mysite.wsgi:application\n"
        if let wsgi { files["mysite/wsgi.py"] = wsgi }
        return files
    }

    static func expectWorkerFailure(_ failure: Failure?, last: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        #expect(failure?.exitCode == 3, sourceLocation: sourceLocation)
        #expect(failure?.exact == false, sourceLocation: sourceLocation)
        let stderr = failure?.stderr ?? ""
        #expect(stderr.contains("[ERROR] Exception in worker process\nTraceback (most recent call last):\n"), sourceLocation: sourceLocation)
        #expect(stderr.contains("  File \"/app/mysite/wsgi.py\", line 4, in <module>\n    application = get_wsgi_application()\n"), sourceLocation: sourceLocation)
        #expect(stderr.hasSuffix(last + "\n[YYYY-MM-DD HH:MM:SS +0000] [PID] [ERROR] Reason: Worker failed to boot.\n"), sourceLocation: sourceLocation)
    }

    @Test("gunicorn mysite.wsgi:application: a healthy project serves")
    func gunicornHealthy() throws {
        let settings = Self.settings().replacingOccurrences(of: "MIDDLEWARE = []", with: "MIDDLEWARE = ['django.middleware.security.SecurityMiddleware', 'mysite.mw.Timing']")
        let assessment = try Self.assess(Self.gunicornProject(settings: settings, extra: ["mysite/mw.py": "class Timing:\n    pass\n"]))
        #expect(assessment.runtime.failure == nil)
        #expect(assessment.runtime.outcome != .crashed)
    }

    @Test("gunicorn + Django: a missing INSTALLED_APPS entry fails the worker boot")
    func gunicornMissingApp() throws {
        let assessment = try Self.assess(Self.gunicornProject(settings: Self.settings(apps: "'django.contrib.auth',\n    'nosuchapp',")))
        Self.expectWorkerFailure(assessment.runtime.failure, last: "ModuleNotFoundError: No module named 'nosuchapp'\nNo module named 'nosuchapp'")
    }

    @Test("gunicorn + Django: settings body, app models, and MIDDLEWARE in reverse order")
    func gunicornSettingsAndMiddleware() throws {
        let body = try Self.assess(Self.gunicornProject(settings: "import dj_database_url\n" + Self.settings()))
        Self.expectWorkerFailure(body.runtime.failure, last: "ModuleNotFoundError: No module named 'dj_database_url'\nNo module named 'dj_database_url'")
        let models = try Self.assess(Self.gunicornProject(settings: Self.settings(apps: "'blog',\n    'shop',"),
                                                          extra: ["blog/__init__.py": "", "blog/models.py": "import markdown2\n", "shop/__init__.py": "import stripe\n"]))
        // populate() imports every app module before any app's models.
        Self.expectWorkerFailure(models.runtime.failure, last: "ModuleNotFoundError: No module named 'stripe'\nNo module named 'stripe'")
        let middleware = Self.settings().replacingOccurrences(of: "MIDDLEWARE = []", with: "MIDDLEWARE = ['whitenoise.middleware.WhiteNoiseMiddleware', 'corsheaders.middleware.CorsMiddleware']")
        let reversed = try Self.assess(Self.gunicornProject(settings: middleware))
        // load_middleware walks reversed(settings.MIDDLEWARE).
        Self.expectWorkerFailure(reversed.runtime.failure, last: "ModuleNotFoundError: No module named 'corsheaders'\nNo module named 'corsheaders'")
        let attribute = Self.settings().replacingOccurrences(of: "MIDDLEWARE = []", with: "MIDDLEWARE = ['mysite.mw.Timing']")
        let missing = try Self.assess(Self.gunicornProject(settings: attribute, extra: ["mysite/mw.py": "class Other:\n    pass\n"]))
        Self.expectWorkerFailure(missing.runtime.failure, last: "ImportError: Module \"mysite.mw\" does not define a \"Timing\" attribute/class\nModule \"mysite.mw\" does not define a \"Timing\" attribute/class")
    }

    @Test("gunicorn + Django: no DJANGO_SETTINGS_MODULE anywhere is ImproperlyConfigured")
    func gunicornNoSettings() throws {
        let assessment = try Self.assess(Self.gunicornProject(wsgi: "from django.core.wsgi import get_wsgi_application\n\n\napplication = get_wsgi_application()\n"))
        let failure = try #require(assessment.runtime.failure)
        #expect(failure.exitCode == 3)
        #expect(failure.stderr.contains("django.core.exceptions.ImproperlyConfigured: Requested setting LOGGING_CONFIG, but settings are not configured."))
    }

    // MARK: oracle

    @Test("railsim vs real Django 6.1.3 (`python manage.py check` / `migrate`)")
    func oracle() throws {
        let cases: [(String, [String: String])] = [
            ("missing django", Self.project(python: "3.12.1", requirements: "gunicorn\n")),
            ("missing django 3.13", Self.project(python: "3.13.0", requirements: "gunicorn\n")),
            ("healthy check", Self.project(python: "3.12.1")),
            ("healthy migrate", Self.project(python: "3.13.0", command: "migrate")),
            ("missing app check", Self.project(python: "3.12.1", settings: Self.settings(apps: "'nosuchapp',"))),
            ("missing app migrate 3.13", Self.project(python: "3.13.0", settings: Self.settings(apps: "'django.contrib.auth',\n    'nosuchapp',"), command: "migrate")),
            ("missing urlconf", Self.project(python: "3.12.1", settings: Self.settings(urlconf: "'nosuchurls'"), command: "migrate")),
            ("missing urlconf check 3.13", Self.project(python: "3.13.0", settings: Self.settings(urlconf: "'nosuchurls'"))),
            ("settings body", Self.project(python: "3.13.0", settings: "import dj_database_url\n" + Self.settings(), command: "migrate")),
            ("app body", Self.project(python: "3.12.1", settings: Self.settings(apps: "'blog',"), extra: ["blog/__init__.py": "import markdown2\n"])),
            ("app ok", Self.project(python: "3.12.1", settings: Self.settings(apps: "'blog',"), extra: ["blog/__init__.py": "", "blog/models.py": "from django.db import models\n"])),
        ]
        let wheels: URL
        do { wheels = try DjangoOracle.wheels() } catch {
            print("django oracle: skipped (\(error))")
            return
        }
        var agree = 0
        var problems: [String] = []
        for (name, files) in cases {
            let assessment = try Self.assess(files, name: "dj")
            do {
                let observed = try DjangoOracle.run(assessment, wheels: wheels)
                let predicted = assessment.runtime.failure
                let exit = predicted.flatMap { $0.exitCode } ?? 0
                let stderr = predicted?.stderr ?? ""
                if exit == observed.exitCode && (stderr == observed.stderr || (predicted?.exact == false && stderr.split(separator: "\n").last == observed.stderr.split(separator: "\n").last)) {
                    agree += 1
                } else {
                    problems.append("\(name): railsim exit \(exit) [exact: \(predicted?.exact ?? true)]\n\(stderr)\n--- CPython exit \(observed.exitCode)\n\(observed.stderr)")
                }
            } catch {
                print("django oracle: \(name) skipped (\(error))")
                problems.append("\(name): not run")
            }
        }
        print("django oracle: \(agree)/\(cases.count) agree")
        for problem in problems { print(problem) }
        #expect(agree == cases.count)
    }
}

/// Runs an image railsim materialised with real Django installed (pip, from PyPI, cached once).
enum DjangoOracle {
    struct Unavailable: Error, CustomStringConvertible { var description: String }

    static func wheels() throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("railsim-django-wheels")
        let version = "6.1.3"
        if (try? FileManager.default.contentsOfDirectory(atPath: directory.path))?.contains(where: { $0.hasPrefix("django-\(version)") }) == true { return directory }
        guard let python = HostPython.interpreter(minor: 12) else { throw Unavailable(description: "CPython 3.12 is not installed") }
        let result = try ProcessRunner.run(python, ["-m", "pip", "download", "-q", "-d", directory.path, "django==\(version)"])
        guard result.status == 0 else { throw Unavailable(description: "pip download failed: \(result.stderr.prefix(300))") }
        return directory
    }

    static func run(_ assessment: ServiceAssessment, wheels: URL) throws -> (exitCode: Int, stderr: String) {
        guard let image = assessment.build.image, let python = image.python, let process = assessment.runtime.process,
              let argv = process.program ?? Optional(process.argv) else { throw Unavailable(description: "no image") }
        guard let host = HostPython.interpreter(minor: python.version.minor) else { throw Unavailable(description: "no CPython 3.\(python.version.minor)") }
        let root = try ProcessRunner.temporaryDirectory("railsim-django-oracle")
        defer { try? FileManager.default.removeItem(at: root) }
        try ImageMaterializer.materialize(image, notes: assessment.runtime.notes, into: root)
        let prefix = root.path + python.prefix
        let site = "\(prefix)/lib/python\(python.version.major).\(python.version.minor)/site-packages"
        // Stubs for installed distributions give way to the real ones.
        for distribution in image.distributions where ["django", "asgiref", "sqlparse"].contains(distribution.name) {
            for top in distribution.importNames { try? FileManager.default.removeItem(atPath: root.path + distribution.sitePackages + "/" + top) }
        }
        let venv = try ProcessRunner.run(host, ["-m", "venv", "--without-pip", prefix])
        guard venv.status == 0 else { throw Unavailable(description: "venv: \(venv.stderr)") }
        if image.distributions.contains(where: { $0.name == "django" }) {
            let pip = try ProcessRunner.run(host, ["-m", "pip", "install", "-q", "--no-index", "--find-links", wheels.path, "--target", site, "--upgrade", "django==6.1.3"])
            guard pip.status == 0 else { throw Unavailable(description: "pip install: \(pip.stderr.prefix(300))") }
        }
        let exe = "\(prefix)/bin/python"
        let script = argv.dropFirst().map { $0.hasPrefix("/") ? root.path + $0 : $0 }
        let cwd = root.path + process.workingDirectory
        let result = try ProcessRunner.run("/usr/bin/env", ["-i", "PATH=\(prefix)/bin:/usr/bin:/bin", "PYTHONDONTWRITEBYTECODE=1", "NO_COLOR=1", "LANG=C.UTF-8",
                                                            "sh", "-c", "cd \"$0\" && exec \"$@\"", cwd, exe] + script)
        let hostPrefix = try ProcessRunner.run(host, ["-c", "import sys; print(sys.base_prefix)"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let stderr = result.stderr.replacingOccurrences(of: root.path, with: "").replacingOccurrences(of: hostPrefix + "/", with: python.prefix + "/")
        return (Int(result.status), stderr)
    }
}
