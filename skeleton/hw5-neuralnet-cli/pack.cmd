@echo off
rem Zips exactly the files you submit (listed in kit.json) into the submission zip named there.
cd /d "%~dp0"
dotnet run --project tools\Kit -- pack %*
