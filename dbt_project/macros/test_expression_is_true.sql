{#- Fails for every row where the SQL boolean `expression` is not true (NULL counts as false).
    Works on a model or on a column; on a column the expression still names the column. -#}
{% test expression_is_true(model, expression, column_name=None) %}
select *
from {{ model }}
where not coalesce(({{ expression }}), false)
{% endtest %}
