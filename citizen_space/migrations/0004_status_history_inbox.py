# Status history, the inbox's indexes and search name; the acknowledgement moved to the outbox
# (citizen_space.notifications).

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('citizen_space', '0003_alter_submission_status'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='StatusChange',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('from_status', models.CharField(choices=[('draft', 'Draft'), ('submitted', 'Submitted'), ('in_progress', 'In progress'), ('action_required', 'Action required'), ('accepted', 'Accepted'), ('rejected', 'Rejected'), ('closed', 'Closed')], max_length=20, verbose_name='from')),
                ('to_status', models.CharField(choices=[('draft', 'Draft'), ('submitted', 'Submitted'), ('in_progress', 'In progress'), ('action_required', 'Action required'), ('accepted', 'Accepted'), ('rejected', 'Rejected'), ('closed', 'Closed')], max_length=20, verbose_name='to')),
                ('role', models.CharField(choices=[('citizen', 'Citizen'), ('agent', 'Agent'), ('supervisor', 'Supervisor')], max_length=20, verbose_name='as')),
                ('comment', models.TextField(blank=True, verbose_name='comment')),
                ('created_at', models.DateTimeField(default=django.utils.timezone.now, verbose_name='at')),
                ('actor', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='by')),
                ('submission', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='status_changes', to='citizen_space.submission', verbose_name='request')),
            ],
            options={
                'verbose_name': 'status change',
                'verbose_name_plural': 'status changes',
                'ordering': ['created_at', 'pk'],
                'indexes': [models.Index(fields=['submission', 'created_at'], name='citizen_spa_submiss_29239c_idx')],
            },
        ),
        migrations.RemoveField(
            model_name='submission',
            name='acknowledged_at',
        ),
        migrations.RemoveField(
            model_name='submission',
            name='acknowledgement_attempts',
        ),
        migrations.AddField(
            model_name='submission',
            name='applicant_name',
            field=models.CharField(blank=True, editable=False, help_text='The name given in the answers, when the request was sent (agents search it).', max_length=300, verbose_name='applicant'),
        ),
        migrations.AddIndex(
            model_name='submission',
            index=models.Index(condition=models.Q(('status', 'draft'), _negated=True), fields=['collectivity', '-submitted_at'], name='citizen_space_inbox_sent'),
        ),
        migrations.AddIndex(
            model_name='submission',
            index=models.Index(fields=['collectivity', 'status', '-submitted_at'], name='citizen_space_inbox_status'),
        ),
        migrations.AddIndex(
            model_name='submission',
            index=models.Index(condition=models.Q(('status', 'draft'), _negated=True), fields=['collectivity', '-updated_at'], name='citizen_space_inbox_changed'),
        ),
    ]
