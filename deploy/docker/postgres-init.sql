-- A database per service, as in the local run.
CREATE DATABASE intake;
CREATE DATABASE submission;
CREATE DATABASE notification;
