<#
  CRM Privacy Guard policy for Microsoft Edge on Windows, deployed with Microsoft Intune
  (Devices > Scripts and remediations > Platform scripts > Add > Windows 10 and later).
  Settings: "Run this script using the logged on credentials" = No (runs as SYSTEM),
  "Run script in 64-bit PowerShell host" = Yes.

  It writes the policy below to
  HKLM\SOFTWARE\Policies\Microsoft\Edge\3rdparty\extensions\<extension id>\policy,
  the registry key Edge reads extension policy from. Objects and lists are stored as
  JSON strings, which Edge (like Chrome) accepts for object- and list-typed policy.
  Edit only $ExtensionId and the JSON between @' and '@; check it first with
    npm run -s policy -- validate intune-edge-windows.ps1
#>
$ErrorActionPreference = 'Stop'
$ExtensionId = 'indjfoacpnghahilniekfepigbmajebm'   # your Edge Add-ons or self-hosted id
$PolicyJson = @'
{
  "policyVersion": 2,
  "crm": {
    "extraHosts": [{ "pattern": "https://crm.example.com/*", "adapter": "generic" }]
  },
  "detection": {
    "languages": ["en", "de"]
  },
  "rules": {
    "salesforce": {
      "Lead": {
        "fields": { "Email": ["email"], "Phone": ["phone"], "MobilePhone": ["phone"] },
        "neverInFreeText": ["birthdate", "address"]
      },
      "Opportunity": {
        "neverInFreeText": ["phone", "email", "birthdate"]
      }
    },
    "hubspot": {
      "0-3": { "neverInFreeText": ["phone", "email", "birthdate"] }
    }
  },
  "modes": {
    "sensitive_identifier": "override",
    "special_category": "block",
    "criminal": "block"
  },
  "override": { "minReasonLength": 30 },
  "badges": "hover",
  "consent": {
    "url": "https://consent.example.com/api",
    "token": "REPLACE-WITH-READER-TOKEN",
    "cacheSeconds": 600,
    "purposes": ["marketing_email", "newsletter", "phone"],
    "outreachGuard": "block"
  },
  "audit": {
    "retentionDays": 180,
    "endpoint": "https://consent.example.com/api",
    "token": "REPLACE-WITH-INGEST-TOKEN",
    "format": "reference",
    "batchSize": 200,
    "repMayView": true
  },
  "ui": {
    "repMayChange": ["badges", "ui.language"],
    "repMayPause": false
  }
}
'@

$Key = "HKLM:\SOFTWARE\Policies\Microsoft\Edge\3rdparty\extensions\$ExtensionId\policy"
$Policy = $PolicyJson | ConvertFrom-Json

# Start from an empty key so settings removed from the JSON disappear.
if (Test-Path $Key) { Remove-Item -Path $Key -Recurse -Force }
New-Item -Path $Key -Force | Out-Null

foreach ($Setting in $Policy.PSObject.Properties) {
  $Value = $Setting.Value
  if ($Value -is [bool]) {
    New-ItemProperty -Path $Key -Name $Setting.Name -PropertyType DWord -Value ([int]$Value) -Force | Out-Null
  } elseif ($Value -is [int] -or $Value -is [long]) {
    New-ItemProperty -Path $Key -Name $Setting.Name -PropertyType DWord -Value ([int]$Value) -Force | Out-Null
  } elseif ($Value -is [string]) {
    New-ItemProperty -Path $Key -Name $Setting.Name -PropertyType String -Value $Value -Force | Out-Null
  } else {
    $Json = ConvertTo-Json -InputObject $Value -Depth 20 -Compress
    New-ItemProperty -Path $Key -Name $Setting.Name -PropertyType String -Value $Json -Force | Out-Null
  }
}
Write-Output "CRM Privacy Guard policy written to $Key"
