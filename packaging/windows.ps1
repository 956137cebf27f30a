# Builds the Windows packages: the application image (target\packages\image\Flarescope) and an .msi.
# Needs JDK 17+ (with jpackage), Maven and the WiX Toolset 3 (candle.exe and light.exe on the PATH).
# Extra arguments go to Maven. $env:FLARESCOPE_VERSION overrides the version stamped on the packages
# (numbers only, such as 1.2.0).
$ErrorActionPreference = 'Stop'
Set-Location (Join-Path $PSScriptRoot '..')

if (-not (Get-Command candle.exe -ErrorAction SilentlyContinue)) {
    Write-Error 'windows.ps1: the WiX Toolset 3 is needed for the .msi (candle.exe not found on the PATH)'
}
$mvnArgs = @('-B', '-Ppackage-app', '-DskipTests', '-Dpackage.types=msi')
if ($env:FLARESCOPE_VERSION) {
    $mvnArgs += "-Dpackage.version=$($env:FLARESCOPE_VERSION)"
}
& mvn @mvnArgs @args package
if ($LASTEXITCODE -ne 0) { exit $LASTEXITCODE }
