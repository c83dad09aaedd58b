import dagster as dg

from orchestration.jobs import refresh_job

daily_refresh_schedule = dg.ScheduleDefinition(
    name="daily_refresh_schedule",
    job=refresh_job,
    cron_schedule="0 6 * * *",
    execution_timezone="Asia/Seoul",
    description="A full refresh every morning at 06:00 KST, in case the sensor missed a change.",
)
