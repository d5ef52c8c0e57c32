namespace Autograder.Grader.Gradescope;

/// <summary>
/// The two scripts Gradescope runs: <c>setup.sh</c> once when it builds the image (Ubuntu, as root, from
/// <c>/autograder/source</c>), <c>run_autograder</c> once per submission (copied to <c>/autograder</c>).
/// </summary>
internal static class BundleScripts
{
    public static string Setup(string assignment) => $$"""
        #!/usr/bin/env bash
        # Gradescope image setup for {{assignment}}: runs once, as root, on Gradescope's Ubuntu base image.
        # Installs the .NET 10 SDK (Microsoft's dotnet-install.sh) and bubblewrap (the worker's sandbox; where
        # the container forbids user namespaces the grader refuses to run submissions unless the bundle was
        # built with --no-sandbox, and then says "sandbox: none" in every result). The grader itself ships published in bin/ (its NuGet packages
        # were restored and compiled into it when the bundle was built), so nothing is restored here.
        set -euxo pipefail
        export DEBIAN_FRONTEND=noninteractive
        apt-get update
        apt-get install -y --no-install-recommends ca-certificates curl bubblewrap util-linux libicu-dev
        curl -fsSL https://dot.net/v1/dotnet-install.sh -o /tmp/dotnet-install.sh
        bash /tmp/dotnet-install.sh --channel 10.0 --install-dir /usr/share/dotnet
        ln -sf /usr/share/dotnet/dotnet /usr/local/bin/dotnet
        export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
        dotnet --info
        chmod +x /autograder/source/run_autograder
        # Smoke test: the published grader starts.
        dotnet /autograder/source/bin/cli/autograder.dll version

        """;

    public static string Run(string assignment, bool allowUnsandboxed = false) => $$"""
        #!/usr/bin/env bash
        # Gradescope runs this once per submission of {{assignment}}: grades /autograder/submission and writes
        # /autograder/results/results.json (late penalty from /autograder/submission_metadata.json).
        # AUTOGRADER_GRADESCOPE_ROOT replaces /autograder (the tests emulate the layout in a temp folder);
        # AUTOGRADER_BUNDLE_DIR, AUTOGRADER_CLI_DIR and AUTOGRADER_WORKER_DIR override where the bundle's
        # parts are.
        set -uo pipefail
        ROOT="${AUTOGRADER_GRADESCOPE_ROOT:-/autograder}"
        SOURCE="${AUTOGRADER_BUNDLE_DIR:-$ROOT/source}"
        CLI="${AUTOGRADER_CLI_DIR:-$SOURCE/bin/cli}"
        export AUTOGRADER_WORKER_DIR="${AUTOGRADER_WORKER_DIR:-$SOURCE/bin/worker}"
        export AUTOGRADER_GRADESCOPE_ROOT="$ROOT"
        export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
        if [ -x /usr/share/dotnet/dotnet ]; then export DOTNET_ROOT=/usr/share/dotnet PATH="/usr/share/dotnet:$PATH"; fi
        mkdir -p "$ROOT/results"
        rm -f "$ROOT/results/results.json"
        dotnet "$CLI/autograder.dll" gradescope {{assignment}} --run --root "$ROOT" --course-root "$SOURCE/course"{{(allowUnsandboxed ? " --no-sandbox" : "")}}
        status=$?
        if [ ! -s "$ROOT/results/results.json" ]; then
          # The grader could not start at all: still leave a result that says so.
          printf '{"score": 0, "output": "The autograder failed to start (exit %s). This is not a judgement of your work: tell the course staff.", "visibility": "visible", "stdout_visibility": "hidden", "tests": []}\n' "$status" > "$ROOT/results/results.json"
        fi
        exit 0

        """;
}
