from django.apps import AppConfig


class RecruitmentConfig(AppConfig):
    name = "bienche.recruitment"
    label = "recruitment"
    verbose_name = "Recruitment"

    def ready(self) -> None:
        from bienche.recruitment.selectors import recruitment_year
        from bienche.staffing.hooks import register_streamlining_contributor

        register_streamlining_contributor("recruitment", recruitment_year)
