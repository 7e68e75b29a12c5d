{#- Models land in the schema their folder names (staging, intermediate, marts), not in
    dbt's default "<target schema>_<custom schema>", so analysts query marts.fct_events. -#}
{% macro generate_schema_name(custom_schema_name, node) -%}
    {%- if custom_schema_name is none -%}{{ target.schema }}{%- else -%}{{ custom_schema_name | trim }}{%- endif -%}
{%- endmacro %}
