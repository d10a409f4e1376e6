-- The work order raised for a detected consumption anomaly (one click on the analysis page or
-- POST /api/v1/customers/{number}/anomalies/{key}/order): one per customer and anomaly, so a second click
-- shows the order of the first. The order itself lives in the workorder module; only its number is kept.
create table meter_anomaly_order (
    customer_number varchar(13)  not null,
    anomaly_key     varchar(64)  not null,
    order_number    varchar(32)  not null,
    kind            varchar(32)  not null,
    day_from        date         not null,
    day_to          date         not null,
    created_by      varchar(64)  not null,
    created_at      timestamptz  not null,
    primary key (customer_number, anomaly_key)
);
