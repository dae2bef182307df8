{{/* Name of the chart, overridable. */}}
{{- define "uba-operator.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* Full name: release-chart, or the release name when it contains the chart name. */}}
{{- define "uba-operator.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else if contains (include "uba-operator.name" .) .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name (include "uba-operator.name" .) | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}

{{- define "uba-operator.selectorLabels" -}}
app.kubernetes.io/name: {{ include "uba-operator.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{- define "uba-operator.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" }}
{{ include "uba-operator.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end }}

{{/* The operator's image: by digest when one is given (it wins over the tag), else by tag. */}}
{{- define "uba-operator.image" -}}
{{- if .Values.image.digest }}
{{- printf "%s@%s" .Values.image.repository .Values.image.digest }}
{{- else }}
{{- printf "%s:%s" .Values.image.repository (.Values.image.tag | default .Chart.AppVersion) }}
{{- end }}
{{- end }}

{{- define "uba-operator.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "uba-operator.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{/* "true" when replicas elect a leader: asked for, or more than one replica. */}}
{{- define "uba-operator.leaderElection" -}}
{{- if or .Values.leaderElection.enabled (gt (int .Values.replicaCount) 1) }}true{{ end }}
{{- end }}

{{/* The rules on the operator's own kinds and events (cluster-wide or per watched namespace). */}}
{{- define "uba-operator.rules" -}}
- apiGroups: ["uba.dev"]
  resources: ["ubapipelines", "anomalyalerts", "personalizationmodels"]
  verbs: ["get", "list", "watch", "patch", "update"]
- apiGroups: ["uba.dev"]
  resources: ["ubapipelines/status", "anomalyalerts/status", "personalizationmodels/status"]
  verbs: ["get", "patch", "update"]
- apiGroups: ["uba.dev"]
  resources: ["ubapipelines/finalizers", "anomalyalerts/finalizers", "personalizationmodels/finalizers"]
  verbs: ["update"]
- apiGroups: [""]
  resources: ["events"]
  verbs: ["create", "patch"]
{{- end }}

{{/*
The PersonalizationModel's tracking Secret (<name>-personalize), only in namespaces (never
cluster-wide): created, then server-side applied with its uid; never read, listed or watched.
*/}}
{{- define "uba-operator.secretRules" -}}
- apiGroups: [""]
  resources: ["secrets"]
  verbs: ["create", "patch"]
{{- end }}
