{#- Fails (one row) unless the model's columns are exactly `column_names`, in that order:
    the contract that lets tools written for another export read ours unchanged. -#}
{% test columns_in_order(model, column_names) %}
    {%- set actual = [] -%}
    {%- if execute -%}
        {%- set actual = adapter.get_columns_in_relation(model) | map(attribute='name') | map('lower') | list -%}
    {%- endif -%}
    {%- set actual_text = actual | join(',') -%}
    {%- set expected_text = column_names | map('lower') | join(',') -%}
select
    '{{ actual_text }}' as actual_columns,
    '{{ expected_text }}' as expected_columns
where '{{ actual_text }}' <> '{{ expected_text }}'
{% endtest %}
