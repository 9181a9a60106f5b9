import Build

/// Start-up that continues after the main module has run: a framework the main module hands over
/// to (`django.core.management.execute_from_command_line(sys.argv)` in manage.py) imports more
/// modules (settings, INSTALLED_APPS, URLconf) before the process serves. The seam is
/// `continueAfterMain`; each framework lives in its own file.
extension PythonRun {
    mutating func continueAfterMain(scan: PythonModuleScan, file: String, machine: inout ImportMachine, python: PythonInstallation) {
        // No framework hand-over is modelled yet; the main module's own imports are all that run.
    }
}
